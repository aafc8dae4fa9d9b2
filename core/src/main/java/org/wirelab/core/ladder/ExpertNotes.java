package org.wirelab.core.ladder;

import java.util.ArrayList;
import java.util.List;
import org.wirelab.core.analysis.TcpExpert;

/**
 * Short names of TCP expert events for a ladder's notes, as the bracketed prefixes of Wireshark's Info
 * column name them ("TCP Retransmission", "TCP Dup ACK 3#1"), without the "TCP" that every lane already
 * implies. A fast or spurious retransmission is named once, not also as a plain retransmission.
 */
public final class ExpertNotes {
    private static final int RST = 0x04;
    private static final int NO_NUMBER = -1;

    private ExpertNotes() {
    }

    /** The notes of one segment with {@code expertBits}, duplicate ACK number and header flags. */
    public static List<String> of(int expertBits, int duplicateAckNumber, int tcpFlags) {
        List<String> notes = new ArrayList<>(2);
        name(expertBits, duplicateAckNumber, tcpFlags, (name, number) -> notes.add(number < 0 ? name : name + number));
        return notes;
    }

    /** Writes the same notes into {@code text}, each as an expert note, without making a string. */
    static void write(int expertBits, int duplicateAckNumber, int tcpFlags, ArrowText text) {
        name(expertBits, duplicateAckNumber, tcpFlags, (name, number) -> {
            text.expertNote().append(name);
            if (number >= 0) {
                text.append(number);
            }
        });
    }

    /** A note's name, and the number that follows it ("Dup ACK #" and 3), or {@link #NO_NUMBER}. */
    private interface Names {
        void note(String name, int number);
    }

    private static void name(int expertBits, int duplicateAckNumber, int tcpFlags, Names notes) {
        if (TcpExpert.REUSED_PORTS.isIn(expertBits)) {
            notes.note("Port numbers reused", NO_NUMBER);
        }
        if (TcpExpert.FAST_RETRANSMISSION.isIn(expertBits)) {
            notes.note("Fast Retransmission", NO_NUMBER);
        } else if (TcpExpert.SPURIOUS_RETRANSMISSION.isIn(expertBits)) {
            notes.note("Spurious Retransmission", NO_NUMBER);
        } else if (TcpExpert.RETRANSMISSION.isIn(expertBits)) {
            notes.note("Retransmission", NO_NUMBER);
        }
        add(notes, expertBits, TcpExpert.OUT_OF_ORDER, "Out-Of-Order");
        add(notes, expertBits, TcpExpert.LOST_SEGMENT, "Previous segment not captured");
        add(notes, expertBits, TcpExpert.ACK_LOST_SEGMENT, "ACKed unseen segment");
        add(notes, expertBits, TcpExpert.WINDOW_UPDATE, "Window Update");
        add(notes, expertBits, TcpExpert.WINDOW_FULL, "Window Full");
        add(notes, expertBits, TcpExpert.KEEP_ALIVE, "Keep-Alive");
        add(notes, expertBits, TcpExpert.KEEP_ALIVE_ACK, "Keep-Alive ACK");
        if (TcpExpert.DUPLICATE_ACK.isIn(expertBits)) {
            notes.note("Dup ACK #", duplicateAckNumber);
        }
        add(notes, expertBits, TcpExpert.ZERO_WINDOW_PROBE, "ZeroWindowProbe");
        add(notes, expertBits, TcpExpert.ZERO_WINDOW, "ZeroWindow");
        add(notes, expertBits, TcpExpert.ZERO_WINDOW_PROBE_ACK, "ZeroWindowProbeAck");
        if ((tcpFlags & RST) != 0) {
            notes.note("Connection reset (RST)", NO_NUMBER);   // Wireshark's expert note for a RST
        }
    }

    private static void add(Names notes, int bits, TcpExpert event, String name) {
        if (event.isIn(bits)) {
            notes.note(name, NO_NUMBER);
        }
    }
}

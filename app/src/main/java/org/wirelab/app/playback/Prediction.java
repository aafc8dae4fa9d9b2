package org.wirelab.app.playback;

import java.util.Set;
import java.util.TreeSet;
import org.wirelab.source.Capture;
import org.wirelab.core.protocol.tcp.Tcp;
import org.wirelab.core.summary.PacketTable;

/**
 * What a student guessed about a TCP segment before seeing it (its flags, relative sequence and
 * acknowledgement numbers; null for "no idea"), and how to check it against the frame.
 */
public record Prediction(Set<String> flags, Long sequence, Long acknowledgement) {
    /** The flags a student may tick, in the order a packet list names them. */
    public static final String[] FLAG_NAMES = {"SYN", "ACK", "PSH", "FIN", "RST"};
    private static final int[] FLAG_BITS = {Tcp.SYN, Tcp.ACK, Tcp.PSH, Tcp.FIN, Tcp.RST};

    public Prediction {
        flags = Set.copyOf(flags);
    }

    /** The frame's real values, as the student should have guessed them. */
    public static Prediction actual(Capture capture, int index) {
        PacketTable packets = capture.analysis().packets();
        Set<String> set = new TreeSet<>();
        int bits = packets.tcpFlags(index);
        for (int i = 0; i < FLAG_NAMES.length; i++) {
            if ((bits & FLAG_BITS[i]) != 0) {
                set.add(FLAG_NAMES[i]);
            }
        }
        long seq = Integer.toUnsignedLong(capture.analysis().conversations().relativeSequence(index));
        boolean acks = (bits & Tcp.ACK) != 0;
        Long ack = acks ? Integer.toUnsignedLong(capture.analysis().conversations().relativeAcknowledgement(index)) : null;
        return new Prediction(set, seq, ack);
    }

    /** Whether frame {@code index} is a TCP segment, the only kind a student predicts. */
    public static boolean predictable(Capture capture, int index) {
        return capture.analysis().packets().transport(index) == PacketTable.TRANSPORT_TCP;
    }

    /** How this guess compares with {@code actual}: each part right or wrong. */
    public Verdict check(Prediction actual) {
        return new Verdict(flags.equals(actual.flags), java.util.Objects.equals(sequence, actual.sequence),
                java.util.Objects.equals(acknowledgement, actual.acknowledgement), this, actual);
    }

    /** The result of a guess: which parts were right, with both values for the explanation. */
    public record Verdict(boolean flagsRight, boolean sequenceRight, boolean acknowledgementRight, Prediction guess,
            Prediction actual) {
        /** The parts of a guess: flags, Seq, Ack. */
        public static final int PARTS = 3;

        public boolean allRight() {
            return flagsRight && sequenceRight && acknowledgementRight;
        }

        public int partsRight() {
            return (flagsRight ? 1 : 0) + (sequenceRight ? 1 : 0) + (acknowledgementRight ? 1 : 0);
        }
    }
}

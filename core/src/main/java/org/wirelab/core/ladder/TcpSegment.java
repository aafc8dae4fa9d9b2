package org.wirelab.core.ladder;

import org.wirelab.core.analysis.TcpExpert;
import org.wirelab.core.protocol.tcp.Tcp;
import org.wirelab.core.text.PrintableText;

/**
 * What a ladder arrow shows of a TCP segment, as tshark names the fields: {@code flags} (tcp.flags),
 * {@code sequence} and {@code acknowledgement} (tcp.seq, tcp.ack: relative when known), their raw values
 * (tcp.seq_raw, tcp.ack_raw), {@code length} (tcp.len), {@code window} (tcp.window_size, scaled) and the
 * analysis' expert bits ({@link TcpExpert}). Sequence numbers are unsigned 32-bit values in longs.
 * {@code payloadStart} is the start of the data the segment carries, quoted and escaped as the lab's
 * programs print it ({@code "hello serveur\n"}), empty when it carries none.
 */
public record TcpSegment(int flags, long sequence, long acknowledgement, long rawSequence, long rawAcknowledgement,
        int length, long window, int expertBits, String payloadStart) {
    /** How many bytes of the data a drawing shows before cutting it with "…". */
    public static final int PAYLOAD_START_BYTES = 20;

    public TcpSegment {
        payloadStart = payloadStart == null ? "" : payloadStart;
    }

    /** A segment whose data is not shown. */
    public TcpSegment(int flags, long sequence, long acknowledgement, long rawSequence, long rawAcknowledgement,
            int length, long window, int expertBits) {
        this(flags, sequence, acknowledgement, rawSequence, rawAcknowledgement, length, window, expertBits, "");
    }

    /**
     * The first {@value #PAYLOAD_START_BYTES} of the {@code length} data bytes at {@code offset}, quoted and
     * escaped, with "…" when there is more; cut before a UTF-8 character's continuation bytes, so a French
     * accent is never shown as \x escapes.
     */
    public static String payloadStart(byte[] bytes, int offset, int length) {
        if (length <= 0) {
            return "";
        }
        int shown = Math.min(length, PAYLOAD_START_BYTES);
        while (shown < length && shown > 0 && (bytes[offset + shown] & 0xc0) == 0x80) {
            shown--;
        }
        return PrintableText.quoted(bytes, offset, shown) + (shown < length ? "…" : "");
    }

    public boolean hasAck() {
        return (flags & Tcp.ACK) != 0;
    }

    public boolean isReset() {
        return (flags & Tcp.RST) != 0;
    }

    /** "SYN, ACK": the flag names as the Info column lists them. */
    public String flagNames() {
        return TcpInfoText.flags(flags);
    }

    /** "Seq=1 Ack=15 Len=0 Win=65536", with the raw numbers when {@code raw}; no Ack without the ACK flag. */
    public String numbers(boolean raw) {
        StringBuilder text = new StringBuilder("Seq=").append(raw ? rawSequence : sequence);
        if (hasAck()) {
            text.append(" Ack=").append(raw ? rawAcknowledgement : acknowledgement);
        }
        return text.append(" Len=").append(length).append(" Win=").append(window).toString();
    }

    public boolean has(TcpExpert event) {
        return event.isIn(expertBits);
    }

    /** A retransmission of any kind (plain, fast or spurious), as tshark's tcp.analysis.retransmission. */
    public boolean isRetransmission() {
        return has(TcpExpert.RETRANSMISSION) || has(TcpExpert.FAST_RETRANSMISSION)
                || has(TcpExpert.SPURIOUS_RETRANSMISSION);
    }
}

package org.wirelab.core.ladder;

import org.wirelab.core.analysis.TcpExpert;
import org.wirelab.core.header.Tcp;

/**
 * What a ladder arrow shows of a TCP segment, as tshark names the fields: {@code flags} (tcp.flags),
 * {@code sequence} and {@code acknowledgement} (tcp.seq, tcp.ack: relative when known), their raw values
 * (tcp.seq_raw, tcp.ack_raw), {@code length} (tcp.len), {@code window} (tcp.window_size, scaled) and the
 * analysis' expert bits ({@link TcpExpert}). Sequence numbers are unsigned 32-bit values in longs.
 */
public record TcpSegment(int flags, long sequence, long acknowledgement, long rawSequence, long rawAcknowledgement,
        int length, long window, int expertBits) {

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

package org.wirelab.core.analysis;

/**
 * The TCP sequence-analysis events of Wireshark 4.0 ({@code tcp.analysis.*}), with the bit each one
 * has in {@link TcpSequenceAnalysis#expertBits(int)} (Wireshark's TCP_A_* values) and the expert
 * message tshark shows for it ({@code _ws.expert.message}).
 */
public enum TcpExpert {
    RETRANSMISSION(0x0001, "tcp.analysis.retransmission", "This frame is a (suspected) retransmission"),
    LOST_SEGMENT(0x0002, "tcp.analysis.lost_segment", "Previous segment(s) not captured (common at capture start)"),
    ACK_LOST_SEGMENT(0x0004, "tcp.analysis.ack_lost_segment",
            "ACKed segment that wasn't captured (common at capture start)"),
    KEEP_ALIVE(0x0008, "tcp.analysis.keep_alive", "TCP keep-alive segment"),
    DUPLICATE_ACK(0x0010, "tcp.analysis.duplicate_ack", "Duplicate ACK"),
    ZERO_WINDOW(0x0020, "tcp.analysis.zero_window", "TCP Zero Window segment"),
    ZERO_WINDOW_PROBE(0x0040, "tcp.analysis.zero_window_probe", "TCP Zero Window Probe"),
    ZERO_WINDOW_PROBE_ACK(0x0080, "tcp.analysis.zero_window_probe_ack", "ACK to a TCP Zero Window Probe"),
    KEEP_ALIVE_ACK(0x0100, "tcp.analysis.keep_alive_ack", "ACK to a TCP keep-alive segment"),
    OUT_OF_ORDER(0x0200, "tcp.analysis.out_of_order", "This frame is a (suspected) out-of-order segment"),
    FAST_RETRANSMISSION(0x0400, "tcp.analysis.fast_retransmission",
            "This frame is a (suspected) fast retransmission"),
    WINDOW_UPDATE(0x0800, "tcp.analysis.window_update", "TCP window update"),
    WINDOW_FULL(0x1000, "tcp.analysis.window_full", "TCP window specified by the receiver is now completely full"),
    REUSED_PORTS(0x2000, "tcp.analysis.reused_ports",
            "A new tcp session is started with the same ports as an earlier session in this trace"),
    SPURIOUS_RETRANSMISSION(0x4000, "tcp.analysis.spurious_retransmission",
            "This frame is a (suspected) spurious retransmission");

    private final int bit;
    private final String fieldName;
    private final String message;

    TcpExpert(int bit, String fieldName, String message) {
        this.bit = bit;
        this.fieldName = fieldName;
        this.message = message;
    }

    public int bit() {
        return bit;
    }

    public String fieldName() {
        return fieldName;
    }

    /** The expert message; a duplicate ACK's carries its number, as {@code Duplicate ACK (#2)}. */
    public String message() {
        return message;
    }

    public boolean isIn(int expertBits) {
        return (expertBits & bit) != 0;
    }
}

package org.wirelab.simulator.tcp;

/**
 * How the congestion window grows and how far it falls after a loss: the part of congestion control
 * that Linux lets each socket choose (struct tcp_congestion_ops). When a loss starts a recovery, when
 * the recovery ends and when it is undone is the same for every algorithm: {@link CongestionWindow}.
 * Windows are in bytes.
 */
interface CongestionControl {
    /** The connection is established and sends from {@code sndNxt} (tcp_init_congestion_control). */
    default void start(CongestionWindow window, long sndNxt, long now) {
    }

    /**
     * An ACK acknowledged new data outside any recovery: {@code acked} bytes (the window's growth,
     * Linux's cong_avoid: slow start below ssthresh, congestion avoidance above).
     */
    void grow(CongestionWindow window, long acked, long now);

    /**
     * An ACK acknowledged new data, in or out of recovery (Linux's pkts_acked), with the round trip of
     * the newest segment it acknowledged ({@code rtt} in nanoseconds, -1 when it was sent twice).
     */
    default void acknowledged(CongestionWindow window, long sndUna, long sndNxt, long rtt, long now) {
    }

    /** The slow-start threshold when a loss starts a recovery (Linux's ssthresh). */
    long recoveryThreshold(CongestionWindow window, long flightSize);

    /**
     * The slow-start threshold when the retransmission timer expires (then the window is one segment);
     * {@code again} when it expired for what an earlier expiry had already sent again.
     */
    long timeoutThreshold(CongestionWindow window, long flightSize, boolean again, long sndNxt, long now);

    /** The last reduction was undone: the windows are back to what they were. */
    default void undone() {
    }
}

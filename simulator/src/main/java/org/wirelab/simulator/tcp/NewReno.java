package org.wirelab.simulator.tcp;

/**
 * NewReno congestion control (RFC 5681, RFC 6582): the congestion window and slow-start threshold in
 * bytes, slow start, congestion avoidance, and fast recovery after three duplicate ACKs, which lasts
 * until everything outstanding when it began ({@code recover}) is acknowledged.
 *
 * <p>With SACK the recovery is RFC 6675's instead: the window is halved once, with no inflation, and
 * the sender counts what is in the network (pipe) from its scoreboard; this class then only keeps the
 * windows and when the recovery ends.
 */
final class NewReno {
    private int mss;
    private long cwnd;
    private long ssthresh = Long.MAX_VALUE;
    private int duplicateAcks;
    private boolean inRecovery;
    private boolean sackRecovery;
    /** Bytes acknowledged in congestion avoidance since the window last grew (RFC 3465). */
    private long bytesAcked;
    private long recover;

    /** Once the MSS is known: RFC 6928's initial window of {@code segments} segments. */
    void start(int segmentSize, int segments) {
        mss = segmentSize;
        cwnd = (long) segments * segmentSize;
    }

    long congestionWindow() {
        return cwnd;
    }

    long slowStartThreshold() {
        return ssthresh;
    }

    /**
     * A cumulative ACK of {@code acked} new bytes, up to {@code ack}, with {@code flightSize} bytes still
     * outstanding. True for a partial ACK in fast recovery: the next hole is lost too and is to be sent
     * again at once (RFC 6582 section 3.2, step 3).
     */
    boolean newAck(long ack, long acked, long flightSize) {
        duplicateAcks = 0;
        if (inRecovery && sackRecovery) {
            if (ack >= recover) {
                inRecovery = false; // RFC 6675 section 5: cwnd stays at ssthresh
                sackRecovery = false;
            }
            return false;
        }
        if (inRecovery) {
            if (ack >= recover) {
                // Full acknowledgment: deflate the window (RFC 6582 section 3.2, step 3, option 1).
                cwnd = Math.min(ssthresh, Math.max(flightSize, mss) + mss);
                inRecovery = false;
                return false;
            }
            cwnd = Math.max(mss, cwnd - acked + mss); // partial: deflate by what was acknowledged
            return true;
        }
        // Byte counting (RFC 3465), as Linux's Reno counts acknowledged segments (tcp_slow_start,
        // tcp_cong_avoid_ai): an ACK of two segments counts twice, so delayed ACKs do not halve the
        // growth. Slow start: the window grows by what was acknowledged, up to ssthresh.
        if (cwnd < ssthresh) {
            long grown = Math.min(cwnd + acked, ssthresh);
            acked -= grown - cwnd;
            cwnd = grown;
        }
        // Congestion avoidance: one segment more each time a window's worth has been acknowledged.
        if (cwnd >= ssthresh && acked > 0) {
            bytesAcked += acked;
            if (bytesAcked >= cwnd) {
                bytesAcked -= cwnd;
                cwnd += mss;
            }
        }
        return false;
    }

    /**
     * A duplicate ACK (RFC 5681 section 2); returns how many came in a row. In NewReno's fast recovery
     * each one after the third inflates the window: one more segment has left the network.
     */
    int duplicateAck() {
        duplicateAcks++;
        if (inRecovery && !sackRecovery && duplicateAcks > 3) {
            cwnd += mss;
        }
        return duplicateAcks;
    }

    /** True when a loss may start a recovery: none is running, and none ended at or after {@code sndUna}. */
    boolean mayStartRecovery(long sndUna) {
        return !inRecovery && (recover == 0 || sndUna > recover);
    }

    /**
     * A loss: ssthresh is half the flight (RFC 5681 equation 4), the recovery lasts until {@code sndMax}
     * is acknowledged. NewReno inflates cwnd by the three segments that left the network (section 3.2);
     * with SACK, cwnd is ssthresh (RFC 6675 section 5, step 4.2).
     */
    void enterRecovery(long flightSize, long sndMax, boolean sack) {
        priorCwnd = cwnd;
        priorSsthresh = ssthresh;
        ssthresh = Math.max(flightSize / 2, 2L * mss);
        recover = sndMax;
        inRecovery = true;
        sackRecovery = sack;
        bytesAcked = 0;
        cwnd = sack ? ssthresh : ssthresh + 3L * mss;
    }

    /** The windows before the last recovery began, for an undo. */
    private long priorCwnd;
    private long priorSsthresh = Long.MAX_VALUE;

    /**
     * The last recovery was needless: every segment it sent again had arrived already, as D-SACKs
     * showed (RFC 3708; Linux's tcp_try_undo_dsack). The windows go back to what they were, and the
     * recovery ends.
     */
    void undo() {
        cwnd = Math.max(cwnd, priorCwnd);
        ssthresh = Math.max(ssthresh, priorSsthresh);
        inRecovery = false;
        sackRecovery = false;
        bytesAcked = 0;
    }

    /** True during a fast recovery, with or without SACK. */
    boolean inRecovery() {
        return inRecovery;
    }

    /** True during an RFC 6675 recovery: the sender sends by pipe, not by flight size. */
    boolean inSackRecovery() {
        return inRecovery && sackRecovery;
    }

    /**
     * The retransmission timer expired with {@code flightSize} bytes outstanding: one segment at a
     * time again (RFC 5681 section 3.1, equation 4), no fast retransmit for what was sent before
     * ({@code sndMax}, RFC 6582 section 4).
     */
    void timeout(long flightSize, long sndMax) {
        ssthresh = Math.max(flightSize / 2, 2L * mss);
        cwnd = mss;
        inRecovery = false;
        sackRecovery = false;
        bytesAcked = 0;
        recover = sndMax;
        duplicateAcks = 0;
    }
}

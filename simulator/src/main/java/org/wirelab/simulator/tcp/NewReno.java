package org.wirelab.simulator.tcp;

/**
 * NewReno congestion control (RFC 5681, RFC 6582): the congestion window and slow-start threshold in
 * bytes, slow start, congestion avoidance, and fast recovery after three duplicate ACKs, which lasts
 * until everything outstanding when it began ({@code recover}) is acknowledged.
 */
final class NewReno {
    private int mss;
    private long cwnd;
    private long ssthresh = Long.MAX_VALUE;
    private int duplicateAcks;
    private boolean inRecovery;
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
        if (cwnd < ssthresh) {
            cwnd += Math.min(acked, mss); // slow start (RFC 5681 section 3.1)
        } else {
            cwnd += Math.max(1, (long) mss * mss / cwnd); // congestion avoidance, about one MSS per RTT
        }
        return false;
    }

    /**
     * A duplicate ACK (RFC 5681 section 2) while {@code flightSize} bytes are outstanding, the highest
     * sent being {@code sndMax} and the first unacknowledged {@code sndUna}. True on the third, outside a
     * recovery: retransmit the first unacknowledged segment now (fast retransmit, section 3.2).
     */
    boolean duplicateAck(long flightSize, long sndUna, long sndMax) {
        duplicateAcks++;
        if (duplicateAcks == 3 && !inRecovery && (recover == 0 || sndUna > recover)) {
            ssthresh = Math.max(flightSize / 2, 2L * mss);
            recover = sndMax;
            inRecovery = true;
            cwnd = ssthresh + 3L * mss; // the three segments that left the network
            return true;
        }
        if (inRecovery && duplicateAcks > 3) {
            cwnd += mss; // each further duplicate: one more segment has left the network
        }
        return false;
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
        recover = sndMax;
        duplicateAcks = 0;
    }
}

package org.wirelab.simulator.tcp;

/**
 * The congestion window and slow-start threshold in bytes, and the loss recovery around them: fast
 * recovery after three duplicate ACKs, which lasts until everything outstanding when it began
 * ({@code recover}) is acknowledged (RFC 5681, RFC 6582), its undo, and the restart after a timeout.
 * How the window grows and how far it falls is the {@link CongestionControl}'s (CUBIC or Reno).
 *
 * <p>With SACK the recovery is RFC 6675's: the window falls once to ssthresh, with no inflation, and
 * the sender counts what is in the network (pipe) from its scoreboard; this class then only keeps the
 * windows and when the recovery ends. Without SACK it is NewReno's, with its inflation and deflation.
 */
final class CongestionWindow {
    private final CongestionControl algorithm;
    private int mss;
    private long cwnd;
    private long ssthresh = Long.MAX_VALUE;
    private int duplicateAcks;
    private boolean inRecovery;
    private boolean sackRecovery;
    private long recover;
    /** The windows before the last recovery began, for an undo. */
    private long priorCwnd;
    private long priorSsthresh = Long.MAX_VALUE;
    // Whether the window limits the sender (Linux's tcp_cwnd_validate): only then may it grow.
    private boolean cwndLimited;
    private long maxFlight;
    private long cwndUsageSeq;

    CongestionWindow(CongestionControl algorithm) {
        this.algorithm = algorithm;
    }

    /** Once the MSS is known: RFC 6928's initial window of {@code segments} segments. */
    void start(int segmentSize, int segments) {
        mss = segmentSize;
        cwnd = (long) segments * segmentSize;
    }

    /** The connection is established: the algorithm starts measuring (HyStart's first round). */
    void established(long sndNxt, long now) {
        algorithm.start(this, sndNxt, now);
    }

    long congestionWindow() {
        return cwnd;
    }

    long slowStartThreshold() {
        return ssthresh;
    }

    int mss() {
        return mss;
    }

    void congestionWindow(long bytes) {
        cwnd = bytes;
    }

    void slowStartThreshold(long bytes) {
        ssthresh = bytes;
    }

    boolean inSlowStart() {
        return cwnd < ssthresh;
    }

    /**
     * The sender has sent what the windows let it send ({@code sentAny}: at least one segment), with
     * {@code flightSize} bytes outstanding: the window limits the sender if the flight fills it. As Linux's tcp_cwnd_validate, this is kept per
     * window of data, so that a window that was full once in a round trip counts as full.
     */
    void sent(boolean sentAny, long flightSize, long sndUna, long sndNxt) {
        boolean limited = flightSize + mss > cwnd;
        if (!sentAny && !limited) {
            return;
        }
        if (sndUna >= cwndUsageSeq || limited || (!cwndLimited && flightSize > maxFlight)) {
            cwndLimited = limited;
            maxFlight = flightSize;
            cwndUsageSeq = sndNxt;
        }
    }

    /**
     * True when the window limited what was sent lately (Linux's tcp_is_cwnd_limited), or, in slow
     * start, when it is less than twice the largest flight: a sender that the application or the
     * receiver holds back does not make its window grow without bound.
     */
    boolean cwndLimited() {
        return cwndLimited || (inSlowStart() && cwnd < 2 * maxFlight);
    }

    /**
     * A cumulative ACK of {@code acked} new bytes, up to {@code ack}, with {@code flightSize} bytes still
     * outstanding; {@code rtt} is the newest acknowledged segment's round trip (-1: none). True for a
     * partial ACK in fast recovery: the next hole is lost too and is to be sent again at once (RFC 6582
     * section 3.2, step 3).
     */
    boolean newAck(long ack, long acked, long flightSize, long sndNxt, long rtt, long now) {
        duplicateAcks = 0;
        algorithm.acknowledged(this, ack, sndNxt, rtt, now);
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
        algorithm.grow(this, acked, now);
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
     * A loss: ssthresh falls as the algorithm says (Reno: half the flight; CUBIC: 0.7 of the window),
     * and the recovery lasts until {@code sndMax} is acknowledged. NewReno inflates cwnd by the three
     * segments that left the network (RFC 6582 section 3.2); with SACK, cwnd is ssthresh (RFC 6675
     * section 5, step 4.2, where Linux's proportional rate reduction also ends).
     */
    void enterRecovery(long flightSize, long sndMax, boolean sack) {
        priorCwnd = cwnd;
        priorSsthresh = ssthresh;
        ssthresh = algorithm.recoveryThreshold(this, flightSize);
        recover = sndMax;
        inRecovery = true;
        sackRecovery = sack;
        cwnd = sack ? ssthresh : ssthresh + 3L * mss;
    }

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
        algorithm.undone();
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
     * time again (RFC 5681 section 3.1), no fast retransmit for what was sent before ({@code sndMax},
     * RFC 6582 section 4). {@code again}: the timer expired for what it had sent again already.
     */
    void timeout(long flightSize, boolean again, long sndMax, long sndNxt, long now) {
        ssthresh = algorithm.timeoutThreshold(this, flightSize, again, sndNxt, now);
        cwnd = mss;
        inRecovery = false;
        sackRecovery = false;
        recover = sndMax;
        duplicateAcks = 0;
    }
}

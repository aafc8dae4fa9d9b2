package org.wirelab.simulator.tcp;

/**
 * The retransmission timeout of RFC 6298 section 2: SRTT and RTTVAR from round-trip samples, the RTO
 * from them with Linux's floor (RTO = SRTT + max(4 RTTVAR, 200 ms), at most 120 s), doubled at each
 * timeout (section 5.5) until a new sample or acknowledgment ends the backoff.
 */
final class RttEstimator {
    private static final long NONE = -1;

    private final long initialRto;
    private final long minRto;
    private final long maxRto;
    private long srtt = NONE;
    private long rttvar;
    private long rto;
    private int backoff;

    RttEstimator(TcpConfig config) {
        this.initialRto = config.initialRto().toNanos();
        this.minRto = config.minRto().toNanos();
        this.maxRto = config.maxRto().toNanos();
        this.rto = initialRto;
    }

    /** The smoothed round-trip time, in nanoseconds; 0 before the first sample. */
    long srtt() {
        return srtt == NONE ? 0 : srtt;
    }

    /** The current RTO, in nanoseconds. */
    long rto() {
        return rto;
    }

    /** A round-trip time measured on a segment sent once (Karn's algorithm). */
    void sample(long rtt) {
        if (srtt == NONE) {
            srtt = rtt;
            rttvar = rtt / 2;
        } else {
            rttvar = (3 * rttvar + Math.abs(srtt - rtt)) / 4;
            srtt = (7 * srtt + rtt) / 8;
        }
        recompute();
    }

    /** The timer expired: twice the wait next time (section 5.5). */
    void backOff() {
        backoff++;
        rto = Math.min(rto * 2, maxRto);
    }

    /** New data acknowledged: the backoff ends (section 5.7's spirit). */
    void resetBackoff() {
        backoff = 0;
        recompute();
    }

    /** How long the persist timer waits before its next probe: the RTO, backed off like it, at most 120 s. */
    long persistInterval(int probes) {
        long base = srtt == NONE ? initialRto : rto;
        return Math.min(base << Math.min(probes, 16), maxRto);
    }

    private void recompute() {
        if (srtt == NONE) {
            return;
        }
        rto = Math.min((srtt + Math.max(4 * rttvar, minRto)) << Math.min(backoff, 16), maxRto);
    }
}

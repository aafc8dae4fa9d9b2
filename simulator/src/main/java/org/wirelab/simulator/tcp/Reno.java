package org.wirelab.simulator.tcp;

/**
 * NewReno's windows (RFC 5681): slow start grows the window by what each ACK acknowledges, congestion
 * avoidance by one segment per window's worth acknowledged, and a loss halves the flight.
 */
final class Reno implements CongestionControl {
    /** Bytes acknowledged in congestion avoidance since the window last grew (RFC 3465). */
    private long bytesAcked;

    @Override
    public void grow(CongestionWindow window, long acked, long now) {
        // Byte counting (RFC 3465), as Linux's Reno counts acknowledged segments (tcp_slow_start,
        // tcp_cong_avoid_ai): an ACK of two segments counts twice, so delayed ACKs do not halve the
        // growth. Slow start: the window grows by what was acknowledged, up to ssthresh.
        long cwnd = window.congestionWindow();
        long ssthresh = window.slowStartThreshold();
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
                cwnd += window.mss();
            }
        }
        window.congestionWindow(cwnd);
    }

    /** Half the flight, at least two segments (RFC 5681 equation 4). */
    @Override
    public long recoveryThreshold(CongestionWindow window, long flightSize) {
        bytesAcked = 0;
        return Math.max(flightSize / 2, 2L * window.mss());
    }

    @Override
    public long timeoutThreshold(CongestionWindow window, long flightSize, boolean again, long sndNxt, long now) {
        return recoveryThreshold(window, flightSize);
    }

    @Override
    public void undone() {
        bytesAcked = 0;
    }
}

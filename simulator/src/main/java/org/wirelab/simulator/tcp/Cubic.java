package org.wirelab.simulator.tcp;

/**
 * CUBIC (RFC 9438) as Linux's tcp_cubic.c has it, with its defaults (the module parameters of this
 * project's machine: beta 717/1024, bic_scale 41, fast convergence, TCP friendliness, HyStart with
 * both its ACK-train and its delay detections, from a window of 16 segments).
 *
 * <p>After a loss the window falls to 0.7 of what it was (Reno: half), then grows along a cubic
 * curve of the time since the loss: quickly back towards the window where the loss came
 * ({@code W_max}), slowly near it, quickly again beyond it; never slower than Reno would grow
 * (the TCP-friendly region). Slow start is Reno's, except that HyStart may end it before any loss,
 * when ACKs of one round trip keep coming for longer than half the shortest round trip, or when the
 * round trip grows by an eighth.
 *
 * <p>Like Linux it counts in segments and in jiffies of a 250 Hz kernel: the window, {@code W_max}
 * and the curve's origin are whole segments; the curve is recomputed at most once a jiffy. One
 * difference: the cube root is exact, where Linux's table and Newton step err by 0.2% on average.
 */
final class Cubic implements CongestionControl {
    private static final int BETA = 717;
    private static final int BETA_SCALE = 1024;
    private static final int BIC_SCALE = 41;
    /** Time on the curve is counted in 1/1024 s. */
    private static final int BICTCP_HZ = 10;
    private static final long HZ = 250;
    private static final long JIFFY_NANOS = 1_000_000_000L / HZ;
    /** c / rtt in Linux's units: 1024 x 0.4 / (100 ms). */
    private static final long CUBE_RTT_SCALE = BIC_SCALE * 10L;
    /** Acknowledged segments per segment of Reno's window, x 8 (TCP friendliness): 15. */
    private static final long FRIENDLY_SCALE = 8L * (BETA_SCALE + BETA) / 3 / (BETA_SCALE - BETA);
    /** For K = cbrt(W_max - cwnd) / (c / rtt): 2^40 / 410. */
    private static final long CUBE_FACTOR = (1L << (10 + 3 * BICTCP_HZ)) / (BIC_SCALE * 10L);
    private static final long HYSTART_LOW_WINDOW = 16;
    private static final long HYSTART_ACK_DELTA_US = 2_000;
    private static final int HYSTART_MIN_SAMPLES = 8;
    private static final long HYSTART_DELAY_MIN_US = 4_000;
    private static final long HYSTART_DELAY_MAX_US = 16_000;
    /** The largest segment TSO/GSO builds on lo and veth: HyStart allows for its delay. */
    private static final long GSO_MAX_SIZE = 65_536;

    // Linux's struct bictcp; times in jiffies (0: no epoch) and delays in microseconds.
    private long cnt;
    private long lastMaxCwnd;
    private long lastCwnd;
    private long lastTime;
    private long originPoint;
    private long k;
    private long delayMin;
    private long epochStart;
    private long ackCount;
    private long tcpCwnd;
    private boolean found;
    private long roundStart;
    private long endSeq;
    private long lastAck;
    private long currentRtt;
    private int sampleCount;
    /** Linux's snd_cwnd_cnt: segments acknowledged towards the next one of the window. */
    private long cwndCount;
    /** Bytes acknowledged short of a whole segment, counted with the next ACK. */
    private long remainder;

    @Override
    public void start(CongestionWindow window, long sndNxt, long now) {
        hystartReset(sndNxt, now);
    }

    @Override
    public void grow(CongestionWindow window, long acked, long now) {
        int mss = window.mss();
        long total = acked + remainder;
        long segments = total / mss;
        remainder = total % mss;
        if (segments == 0 || !window.cwndLimited()) {
            return;
        }
        long cwnd = window.congestionWindow() / mss;
        long ssthresh = window.slowStartThreshold() == Long.MAX_VALUE ? Long.MAX_VALUE
                : window.slowStartThreshold() / mss;
        if (cwnd < ssthresh) {
            // tcp_slow_start: one segment more per segment acknowledged, up to ssthresh.
            long grown = Math.min(cwnd + segments, ssthresh);
            segments -= grown - cwnd;
            cwnd = grown;
            window.congestionWindow(cwnd * mss);
            if (segments == 0) {
                return;
            }
        }
        update(cwnd, segments, now);
        // tcp_cong_avoid_ai: one segment more for every cnt acknowledged.
        if (cwndCount >= cnt) {
            cwndCount = 0;
            cwnd++;
        }
        cwndCount += segments;
        if (cwndCount >= cnt) {
            long delta = cwndCount / cnt;
            cwndCount -= delta * cnt;
            cwnd += delta;
        }
        window.congestionWindow(cwnd * mss);
    }

    /** bictcp_update: how many segments must be acknowledged for the window to grow by one ({@code cnt}). */
    private void update(long cwnd, long acked, long now) {
        ackCount += acked;
        long jiffies = jiffies(now);
        if (lastCwnd == cwnd && jiffies - lastTime <= HZ / 32) {
            return;
        }
        if (epochStart == 0 || jiffies != lastTime) {
            lastCwnd = cwnd;
            lastTime = jiffies;
            if (epochStart == 0) {
                // A new epoch: the curve starts at this window and has its plateau at W_max, K later.
                epochStart = jiffies;
                ackCount = acked;
                tcpCwnd = cwnd;
                if (lastMaxCwnd <= cwnd) {
                    k = 0;
                    originPoint = cwnd;
                } else {
                    k = cubeRoot(CUBE_FACTOR * (lastMaxCwnd - cwnd));
                    originPoint = lastMaxCwnd;
                }
            }
            // W(t + rtt) = c (t + rtt - K)^3 + W_max, with times in 1/1024 s.
            long t = ((jiffies - epochStart) + usecsToJiffies(delayMin)) << BICTCP_HZ;
            t /= HZ;
            long offset = t < k ? k - t : t - k;
            long delta = (CUBE_RTT_SCALE * offset * offset * offset) >>> (10 + 3 * BICTCP_HZ);
            long target = t < k ? originPoint - delta : originPoint + delta;
            cnt = target > cwnd ? cwnd / (target - cwnd) : 100 * cwnd;
            if (lastMaxCwnd == 0 && cnt > 20) {
                cnt = 20; // no loss yet: at least 5% more per round trip
            }
        }
        // TCP friendliness: never slower than Reno with the same beta would be.
        long perSegment = (cwnd * FRIENDLY_SCALE) >> 3;
        if (perSegment > 0 && ackCount > perSegment) {
            long steps = (ackCount - 1) / perSegment; // while (ack_cnt > delta): what is left is at most delta
            tcpCwnd += steps;
            ackCount -= steps * perSegment;
        }
        if (tcpCwnd > cwnd) {
            long maxCnt = cwnd / (tcpCwnd - cwnd);
            cnt = Math.min(cnt, maxCnt);
        }
        cnt = Math.max(cnt, 2); // at most 1.5 times the window per round trip
    }

    /** cubictcp_recalc_ssthresh: W_max (lowered a little more if the window is shrinking: fast convergence), and 0.7 of the window. */
    @Override
    public long recoveryThreshold(CongestionWindow window, long flightSize) {
        long cwnd = window.congestionWindow() / window.mss();
        epochStart = 0;
        if (cwnd < lastMaxCwnd) {
            lastMaxCwnd = cwnd * (BETA_SCALE + BETA) / (2 * BETA_SCALE);
        } else {
            lastMaxCwnd = cwnd;
        }
        return Math.max(cwnd * BETA / BETA_SCALE, 2) * window.mss();
    }

    /**
     * tcp_enter_loss: ssthresh as for any loss (once: not again for a timeout of what a timeout already
     * resent), then CUBIC starts over (cubictcp_state, TCP_CA_Loss): no W_max, a new HyStart.
     */
    @Override
    public long timeoutThreshold(CongestionWindow window, long flightSize, boolean again, long sndNxt, long now) {
        long ssthresh = again ? window.slowStartThreshold() : recoveryThreshold(window, flightSize);
        reset();
        hystartReset(sndNxt, now);
        return ssthresh;
    }

    private void reset() {
        cnt = 0;
        lastMaxCwnd = 0;
        lastCwnd = 0;
        lastTime = 0;
        originPoint = 0;
        k = 0;
        delayMin = 0;
        epochStart = 0;
        ackCount = 0;
        tcpCwnd = 0;
        found = false;
    }

    /** cubictcp_acked: the shortest round trip, and HyStart while in slow start. */
    @Override
    public void acknowledged(CongestionWindow window, long sndUna, long sndNxt, long rtt, long now) {
        if (rtt < 0) {
            return;
        }
        if (epochStart != 0 && jiffies(now) - epochStart < HZ) {
            return; // samples right after a recovery are discarded
        }
        long delay = Math.max(1, rtt / 1_000);
        if (delayMin == 0 || delayMin > delay) {
            delayMin = delay;
        }
        if (!found && window.inSlowStart()) {
            hystartUpdate(window, delay, sndUna, sndNxt, now);
        }
    }

    private void hystartUpdate(CongestionWindow window, long delay, long sndUna, long sndNxt, long now) {
        if (sndUna > endSeq) {
            hystartReset(sndNxt, now);
        }
        long cwnd = window.congestionWindow() / window.mss();
        if (cwnd < HYSTART_LOW_WINDOW) {
            return;
        }
        long nowUs = now / 1_000;
        // The ACK train: ACKs closer than 2 ms to each other for longer than half the shortest round trip.
        if (nowUs - lastAck <= HYSTART_ACK_DELTA_US) {
            lastAck = nowUs;
            long threshold = (delayMin + ackDelay(window, cwnd)) >> 1; // halved: no pacing
            if (nowUs - roundStart > threshold) {
                found = true;
                window.slowStartThreshold(window.congestionWindow());
            }
        }
        // The delay: the round's shortest round trip, over 8 samples, an eighth above the shortest ever.
        currentRtt = Math.min(currentRtt, delay);
        if (sampleCount < HYSTART_MIN_SAMPLES) {
            sampleCount++;
        } else if (currentRtt > delayMin + Math.max(HYSTART_DELAY_MIN_US,
                Math.min(HYSTART_DELAY_MAX_US, delayMin >> 3))) {
            found = true;
            window.slowStartThreshold(window.congestionWindow());
        }
    }

    /**
     * hystart_ack_delay: the time four of the largest GSO segments take at the pacing rate Linux
     * computes in slow start (twice the window per smoothed round trip, which the delay min stands for
     * here), at most 1 ms.
     */
    private long ackDelay(CongestionWindow window, long cwnd) {
        if (delayMin == 0) {
            return 0;
        }
        double bytesPerSecond = 2.0 * cwnd * window.mss() * 1e6 / delayMin;
        return (long) Math.min(1_000, GSO_MAX_SIZE * 4 * 1e6 / bytesPerSecond);
    }

    private void hystartReset(long sndNxt, long now) {
        roundStart = now / 1_000;
        lastAck = roundStart;
        endSeq = sndNxt;
        currentRtt = Long.MAX_VALUE;
        sampleCount = 0;
    }

    /** Linux's tcp_jiffies32 on a 250 Hz kernel, from 1 so that 0 means "no epoch". */
    private static long jiffies(long now) {
        return 1 + now / JIFFY_NANOS;
    }

    private static long usecsToJiffies(long micros) {
        return (micros * 1_000 + JIFFY_NANOS - 1) / JIFFY_NANOS;
    }

    /** The integer cube root (Linux approximates it within 0.2%). */
    static long cubeRoot(long value) {
        long root = (long) Math.cbrt((double) value);
        while (root * root * root > value) {
            root--;
        }
        while ((root + 1) * (root + 1) * (root + 1) <= value) {
            root++;
        }
        return root;
    }
}

package org.wirelab.simulator.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shape of the congestion window after a loss, CUBIC's against Reno's, with a sender that always
 * has data and a receiver that ACKs every second segment one round trip later: RFC 9438's curve
 * W(t) = C (t - K)^3 + W_max with C = 0.4 and K = cbrt(W_max (1 - 0.7) / C), in segments and seconds.
 */
class CongestionControlTest {
    private static final int MSS = 1448;
    private static final long MS = 1_000_000L;

    /** A sender clocked by its ACKs: each round sends a window and gets it acknowledged a round trip later. */
    private static final class AckClock {
        final CongestionWindow window;
        long now;
        long sndUna = 1;

        AckClock(CongestionAlgorithm algorithm, int segments) {
            window = new CongestionWindow(algorithm.create());
            window.start(MSS, segments);
            window.established(sndUna, now);
        }

        long segments() {
            return window.congestionWindow() / MSS;
        }

        /** One round trip of {@code rtt} nanoseconds: the window goes out, and its ACKs come back two segments at a time. */
        void round(long rtt) {
            long flight = window.congestionWindow() / MSS * MSS;
            long sndNxt = sndUna + flight;
            window.sent(true, flight, sndUna, sndNxt);
            long start = now;
            for (long acked = 2L * MSS; acked <= flight; acked += 2L * MSS) {
                now = start + rtt + rtt * acked / flight / 4; // spread over a quarter of the round
                sndUna += 2L * MSS;
                window.newAck(sndUna, 2L * MSS, sndNxt - sndUna, sndNxt, rtt, now);
            }
            now = start + rtt;
        }

        /** A loss in the window just sent, found and recovered within the round. */
        void loss() {
            long flight = window.congestionWindow();
            window.enterRecovery(flight, sndUna + flight, true);
            sndUna += flight;
            window.newAck(sndUna, flight, 0, sndUna, -1, now);
        }
    }

    /** The window, in segments, at the end of each round trip over {@code seconds} after a loss at {@code wmax} segments. */
    private static List<Long> afterLoss(CongestionAlgorithm algorithm, int wmax, long rtt, double seconds) {
        AckClock clock = new AckClock(algorithm, wmax);
        clock.window.slowStartThreshold((long) wmax * MSS); // congestion avoidance from the start
        clock.round(rtt); // a first round trip gives CUBIC its shortest delay
        clock.window.congestionWindow((long) wmax * MSS);
        clock.loss();
        List<Long> windows = new ArrayList<>();
        windows.add(clock.segments());
        for (long t = rtt; t <= seconds * 1e9; t += rtt) {
            clock.round(rtt);
            windows.add(clock.segments());
        }
        return windows;
    }

    /** RFC 9438 equation 1, one round trip ahead as Linux computes it (t + delay_min). */
    private static double cubicCurve(double wmax, double seconds, double rttSeconds) {
        double k = Math.cbrt(wmax * (1 - 0.7) / 0.4);
        double t = seconds + rttSeconds;
        return 0.4 * Math.pow(t - k, 3) + wmax;
    }

    @Test
    void cubicFallsToSevenTenthsAndFollowsItsCurve() {
        // 100 ms round trips: the cubic region, where Reno's estimate stays below the curve.
        List<Long> cubic = afterLoss(CongestionAlgorithm.CUBIC, 100, 100 * MS, 8);
        assertEquals(70, cubic.get(0), "0.7 x 100 segments (beta 717/1024): " + cubic);
        for (int seconds : new int[] {1, 2, 4, 6, 8}) {
            double expected = cubicCurve(100, seconds, 0.1);
            long actual = cubic.get(seconds * 10);
            assertEquals(expected, actual, 4, "after " + seconds + " s: " + cubic);
        }
        // Concave towards W_max, flat near it, convex beyond: the growth per second falls, then rises.
        long first = cubic.get(10) - cubic.get(0);
        long plateau = cubic.get(50) - cubic.get(40);
        long beyond = cubic.get(80) - cubic.get(70);
        assertTrue(first > plateau && beyond > plateau, "concave, plateau, convex: " + cubic);
    }

    @Test
    void renoHalvesAndGrowsOneSegmentPerRoundTrip() {
        List<Long> reno = afterLoss(CongestionAlgorithm.RENO, 100, 100 * MS, 8);
        assertEquals(50, reno.get(0), "half the flight: " + reno);
        // One segment per round trip, the same every second: a line, not a curve.
        for (int second = 1; second <= 8; second++) {
            assertEquals(10, reno.get(second * 10) - reno.get((second - 1) * 10), 1, "second " + second + ": " + reno);
        }
    }

    @Test
    void onShortRoundTripsCubicGrowsAtLeastAsFastAsReno() {
        // 10 ms round trips: CUBIC's curve is slower than Reno would be, and its TCP-friendly estimate
        // (RFC 9438 section 4.3) takes over: about 0.53 segment per round trip from 0.7 W_max.
        List<Long> cubic = afterLoss(CongestionAlgorithm.CUBIC, 100, 10 * MS, 2);
        long grown = cubic.get(200) - cubic.get(0);
        assertTrue(grown >= 95 && grown <= 115, "200 round trips x 0.53: " + grown + " " + cubic);
    }

    @Test
    void hystartEndsSlowStartWhenTheRoundTripGrows() {
        AckClock clock = new AckClock(CongestionAlgorithm.CUBIC, 10);
        long rtt = 20 * MS;
        while (clock.window.inSlowStart() && clock.segments() < 1000) {
            clock.round(rtt);
            if (clock.segments() >= 32) {
                rtt = 30 * MS; // a queue builds: 10 ms more than the shortest, above HyStart's 4 ms
            }
        }
        long ssthresh = clock.window.slowStartThreshold() / MSS;
        assertTrue(ssthresh >= 32 && ssthresh <= 128, "slow start ends on the delay, not on a loss: " + ssthresh);
        clock.window.slowStartThreshold(Long.MAX_VALUE);
        AckClock reno = new AckClock(CongestionAlgorithm.RENO, 10);
        for (int i = 0; i < 8; i++) {
            reno.round(30 * MS);
        }
        assertTrue(reno.window.inSlowStart(), "Reno has no HyStart");
    }

    @Test
    void aSenderThatTheWindowDoesNotHoldBackDoesNotGrowIt() {
        AckClock clock = new AckClock(CongestionAlgorithm.CUBIC, 10);
        clock.window.slowStartThreshold(10L * MSS);
        long before = clock.window.congestionWindow();
        // Two segments out at a time, far below the window (an application that writes little).
        for (int i = 0; i < 100; i++) {
            clock.window.sent(true, 2L * MSS, clock.sndUna, clock.sndUna + 2L * MSS);
            clock.sndUna += 2L * MSS;
            clock.now += 20 * MS;
            clock.window.newAck(clock.sndUna, 2L * MSS, 0, clock.sndUna, 20 * MS, clock.now);
        }
        assertEquals(before, clock.window.congestionWindow());
    }

    @Test
    void cubeRootIsExact() {
        assertEquals(0, Cubic.cubeRoot(0));
        assertEquals(4, Cubic.cubeRoot(124));
        assertEquals(5, Cubic.cubeRoot(125));
        assertEquals(1_000_000, Cubic.cubeRoot(1_000_000_000_000_000_000L));
    }
}

package org.wirelab.simulator.scenario;

import java.time.Duration;

/**
 * How fast a simulated server program reads: {@code bytes} every {@code interval}, like a program
 * busy with something else between two {@code recv} calls. Its receive buffer fills, the window it
 * advertises shrinks to zero, and the sender waits and probes (RFC 9293 section 3.8.6.1).
 */
public record ReaderPace(int bytes, Duration interval) {
    public ReaderPace {
        if (bytes < 1) {
            throw new IllegalArgumentException("a reader reads at least one byte at a time: " + bytes);
        }
        if (interval == null || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("a reading interval is positive: " + interval);
        }
    }
}

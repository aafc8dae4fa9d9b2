package org.wirelab.simulator.net;

import java.time.Duration;

/**
 * What one direction of a link does to the packets it carries, like Linux's netem and a rate limit:
 * a propagation delay, a bandwidth (each packet's serialisation delay, packets leaving one after the
 * other), a queue of at most {@code queueLimit} packets waiting to be serialised (tail drop), a random
 * extra delay up to {@code jitter} (which never reorders), and the probabilities that a packet is lost,
 * duplicated, or held back so that later packets overtake it.
 *
 * @param bandwidthBitsPerSecond 0 for an infinitely fast link (loopback)
 * @param queueLimit packets; 0 for no limit
 */
public record LinkConfig(Duration delay, long bandwidthBitsPerSecond, int queueLimit, Duration jitter,
        double lossRate, double duplicationRate, double reorderRate) {

    /** A perfect link: no delay, no limit, nothing lost (the loopback). */
    public static final LinkConfig PERFECT = new LinkConfig(Duration.ZERO, 0, 0, Duration.ZERO, 0, 0, 0);

    public LinkConfig {
        if (delay == null || delay.isNegative()) {
            throw new IllegalArgumentException("a delay is zero or more: " + delay);
        }
        if (jitter == null || jitter.isNegative()) {
            throw new IllegalArgumentException("a jitter is zero or more: " + jitter);
        }
        if (bandwidthBitsPerSecond < 0) {
            throw new IllegalArgumentException("a bandwidth is zero (unlimited) or more: " + bandwidthBitsPerSecond);
        }
        if (queueLimit < 0) {
            throw new IllegalArgumentException("a queue limit is zero (unlimited) or more: " + queueLimit);
        }
        checkRate("loss", lossRate);
        checkRate("duplication", duplicationRate);
        checkRate("reordering", reorderRate);
    }

    private static void checkRate(String what, double rate) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("a " + what + " rate is from 0 to 1: " + rate);
        }
    }

    public LinkConfig withDelay(Duration value) {
        return new LinkConfig(value, bandwidthBitsPerSecond, queueLimit, jitter, lossRate, duplicationRate, reorderRate);
    }

    public LinkConfig withBandwidth(long bitsPerSecond) {
        return new LinkConfig(delay, bitsPerSecond, queueLimit, jitter, lossRate, duplicationRate, reorderRate);
    }

    public LinkConfig withQueueLimit(int packets) {
        return new LinkConfig(delay, bandwidthBitsPerSecond, packets, jitter, lossRate, duplicationRate, reorderRate);
    }

    public LinkConfig withJitter(Duration value) {
        return new LinkConfig(delay, bandwidthBitsPerSecond, queueLimit, value, lossRate, duplicationRate, reorderRate);
    }

    public LinkConfig withLoss(double rate) {
        return new LinkConfig(delay, bandwidthBitsPerSecond, queueLimit, jitter, rate, duplicationRate, reorderRate);
    }

    public LinkConfig withDuplication(double rate) {
        return new LinkConfig(delay, bandwidthBitsPerSecond, queueLimit, jitter, lossRate, rate, reorderRate);
    }

    public LinkConfig withReordering(double rate) {
        return new LinkConfig(delay, bandwidthBitsPerSecond, queueLimit, jitter, lossRate, duplicationRate, rate);
    }
}

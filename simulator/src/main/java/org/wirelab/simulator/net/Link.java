package org.wirelab.simulator.net;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.wirelab.simulator.engine.EventLine;
import org.wirelab.simulator.engine.Simulator;

/**
 * One direction of a link, from one host to another (or a host to itself, as Linux's {@code lo}).
 * Each random effect draws from its own generator, seeded from the run's seed and the link's number,
 * so that turning on duplication does not change which packets are lost.
 */
final class Link {
    private final Simulator simulator;
    private final Host receiver;
    private final LinkConfig config;
    private final long delayNanos;
    private final long jitterNanos;
    private final RandomGenerator loss;
    private final RandomGenerator duplication;
    private final RandomGenerator reordering;
    private final RandomGenerator jitter;
    /** Arrivals at the receiver, mostly in the order the packets were sent. */
    private final EventLine<Packet> arrivals;
    /** Departure times of the packets queued or being serialised, oldest first (a ring). */
    private final long[] departures;
    private int queueHead;
    private int queued;
    private long busyUntil;
    private long lastArrival;
    private long lost;

    Link(Simulator simulator, Host receiver, LinkConfig config, long seed, int number) {
        this.simulator = simulator;
        this.receiver = receiver;
        this.config = config;
        this.delayNanos = config.delay().toNanos();
        this.jitterNanos = config.jitter().toNanos();
        long linkSeed = seed * 0x9E3779B97F4A7C15L + number;
        this.loss = new SplittableRandom(mix(linkSeed, 1));
        this.duplication = new SplittableRandom(mix(linkSeed, 2));
        this.reordering = new SplittableRandom(mix(linkSeed, 3));
        this.jitter = new SplittableRandom(mix(linkSeed, 4));
        this.departures = new long[Math.max(1, config.queueLimit())];
        this.arrivals = new EventLine<>(simulator, receiver::receive);
    }

    private static long mix(long seed, int stream) {
        return new SplittableRandom(seed ^ (0xD1B54A32D192ED03L * stream)).nextLong();
    }

    /** Packets this link lost at random or dropped at its queue's tail. */
    long lost() {
        return lost;
    }

    /**
     * Takes a packet of {@code frameLength} bytes on the wire; schedules its arrival, or drops it.
     * Returns false when dropped.
     */
    boolean carry(Packet packet, int frameLength) {
        return carry(packet, frameLength, 0, -1);
    }

    /**
     * {@link #carry(Packet, int)}, the packet arriving {@code holdNanos} later than it would, and a copy
     * of it {@code copyAfterNanos} after it (none when negative): a scripted reordering or duplication.
     */
    boolean carry(Packet packet, int frameLength, long holdNanos, long copyAfterNanos) {
        long now = simulator.now();
        if (config.lossRate() > 0 && loss.nextDouble() < config.lossRate()) {
            lost++;
            return false;
        }
        long departure = now;
        if (config.bandwidthBitsPerSecond() > 0) {
            if (config.queueLimit() > 0 && !enqueue(now)) {
                lost++;
                return false;
            }
            long serialisation = frameLength * 8L * 1_000_000_000L / config.bandwidthBitsPerSecond();
            departure = Math.max(now, busyUntil) + serialisation;
            busyUntil = departure;
            if (config.queueLimit() > 0) {
                departures[(queueHead + queued - 1) % departures.length] = departure;
            }
        }
        long arrival = departure + delayNanos;
        if (jitterNanos > 0) {
            // Jitter never reorders (netem with a rate does the same): a packet waits for the one before.
            arrival = Math.max(lastArrival, arrival + jitter.nextLong(jitterNanos + 1));
        }
        lastArrival = Math.max(lastArrival, arrival);
        if (config.reorderRate() > 0 && reordering.nextDouble() < config.reorderRate()) {
            // Held back by one more delay (at least a millisecond): the packets sent after it overtake it.
            arrival += Math.max(delayNanos, 1_000_000L);
        }
        arrival += holdNanos;
        arrivals.scheduleAt(arrival, packet);
        if (copyAfterNanos >= 0) {
            arrivals.scheduleAt(arrival + copyAfterNanos, packet);
        }
        if (config.duplicationRate() > 0 && duplication.nextDouble() < config.duplicationRate()) {
            arrivals.scheduleAt(arrival, packet);
        }
        return true;
    }

    /** Makes room in the queue for one packet: false when it is full (tail drop). */
    private boolean enqueue(long now) {
        while (queued > 0 && departures[queueHead] <= now) {
            queueHead = (queueHead + 1) % departures.length;
            queued--;
        }
        if (queued == departures.length) {
            return false;
        }
        queued++;
        return true;
    }
}

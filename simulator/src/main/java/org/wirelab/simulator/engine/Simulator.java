package org.wirelab.simulator.engine;

import java.util.function.BooleanSupplier;

/**
 * The discrete-event engine: a virtual clock in nanoseconds and the queue of what happens next. It
 * never reads the wall clock, sleeps or starts a thread; {@link #run} fires events one by one, each at
 * its own instant, so the same inputs always give the same run (after ns-3's Simulator).
 */
public final class Simulator {
    private final EventQueue queue = new EventQueue();
    private long now;
    private long fired;

    /** The virtual time, in nanoseconds since the run started. */
    public long now() {
        return now;
    }

    /** Events fired so far. */
    public long firedEvents() {
        return fired;
    }

    /** Schedules {@code event} {@code delayNanos} from now (0: after the events already due now). */
    public void schedule(long delayNanos, Event event) {
        if (delayNanos < 0) {
            throw new IllegalArgumentException("an event cannot be scheduled in the past: " + delayNanos + " ns");
        }
        queue.add(now + delayNanos, event);
    }

    /** Schedules {@code event} at virtual time {@code timeNanos}, which is not before now. */
    public void scheduleAt(long timeNanos, Event event) {
        schedule(timeNanos - now, event);
    }

    /** Takes the next place in the order of same-instant events, for an event queued later ({@link EventLine}). */
    long takeSequence() {
        return queue.takeSequence();
    }

    /** Queues {@code event} at {@code timeNanos} in the place {@code sequence} it took earlier. */
    void scheduleAt(long timeNanos, long sequence, Event event) {
        queue.add(timeNanos, sequence, event);
    }

    /** True when nothing is left to happen. */
    public boolean idle() {
        return queue.isEmpty();
    }

    /**
     * Fires events in order until {@code done} holds (checked before each event), nothing is left, or
     * the next event lies after {@code deadlineNanos}; the clock then stands at the last event fired, or
     * at the deadline if it was reached. True when {@code done} holds.
     */
    public boolean run(BooleanSupplier done, long deadlineNanos) {
        while (!done.getAsBoolean()) {
            if (queue.isEmpty()) {
                return false;
            }
            if (queue.peekTime() > deadlineNanos) {
                now = Math.max(now, deadlineNanos);
                return false;
            }
            now = queue.peekTime();
            Event event = queue.poll();
            fired++;
            event.fire();
        }
        return true;
    }

    /** Fires every event up to {@code deadlineNanos}. */
    public void runUntil(long deadlineNanos) {
        run(() -> false, deadlineNanos);
    }
}

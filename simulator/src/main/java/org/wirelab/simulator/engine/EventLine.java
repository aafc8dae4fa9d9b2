package org.wirelab.simulator.engine;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Events that mostly come due in the order they are scheduled, such as the arrivals at the far end of a
 * link: those that do wait here in a ring, and only the earliest of them waits in the simulator's
 * queue, which then stays a few entries deep instead of holding every packet on the wire. Each keeps
 * the place in the simulator's order that scheduling it took, so the run fires the same events in the
 * same order as if each had been scheduled on its own; one due before the last in the ring is
 * scheduled on its own.
 *
 * @param <T> what each event is about (a packet), handed to the action when it fires
 */
public final class EventLine<T> {
    private final Simulator simulator;
    private final Consumer<T> action;
    private final Event fireHead = this::fireHead;
    private long[] times = new long[64];
    private long[] sequences = new long[64];
    private Object[] subjects = new Object[64];
    private int head;
    private int count;

    /** Events whose firing hands their subject to {@code action}. */
    public EventLine(Simulator simulator, Consumer<T> action) {
        this.simulator = simulator;
        this.action = action;
    }

    /** Schedules {@code action(subject)} at virtual time {@code timeNanos}, which is not before now. */
    public void scheduleAt(long timeNanos, T subject) {
        if (timeNanos < simulator.now()) {
            throw new IllegalArgumentException("an event cannot be scheduled in the past: " + timeNanos + " ns");
        }
        if (count > 0 && timeNanos < times[index(count - 1)]) {
            simulator.scheduleAt(timeNanos, () -> action.accept(subject));
            return;
        }
        long sequence = simulator.takeSequence();
        if (count == times.length) {
            grow();
        }
        int slot = index(count++);
        times[slot] = timeNanos;
        sequences[slot] = sequence;
        subjects[slot] = subject;
        if (count == 1) {
            simulator.scheduleAt(timeNanos, sequence, fireHead);
        }
    }

    @SuppressWarnings("unchecked")
    private void fireHead() {
        T subject = (T) subjects[head];
        subjects[head] = null;
        head = (head + 1) & (times.length - 1);
        count--;
        if (count > 0) {
            simulator.scheduleAt(times[head], sequences[head], fireHead);
        }
        action.accept(subject);
    }

    private int index(int position) {
        return (head + position) & (times.length - 1);
    }

    private void grow() {
        int capacity = times.length * 2;
        long[] newTimes = new long[capacity];
        long[] newSequences = new long[capacity];
        Object[] newSubjects = new Object[capacity];
        for (int i = 0; i < count; i++) {
            newTimes[i] = times[index(i)];
            newSequences[i] = sequences[index(i)];
            newSubjects[i] = subjects[index(i)];
        }
        times = newTimes;
        sequences = newSequences;
        subjects = newSubjects;
        head = 0;
    }
}

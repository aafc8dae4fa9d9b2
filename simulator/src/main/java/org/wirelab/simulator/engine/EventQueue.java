package org.wirelab.simulator.engine;

import java.util.Arrays;

/**
 * A binary min-heap of events ordered by (virtual time, sequence number): events at the same instant
 * fire in the order they were scheduled, so a run is the same every time. Times and sequence numbers
 * sit in primitive arrays, so scheduling allocates nothing but the event itself.
 */
final class EventQueue {
    private long[] times = new long[256];
    private long[] sequences = new long[256];
    private Event[] events = new Event[256];
    private int size;
    private long nextSequence;

    void add(long time, Event event) {
        add(time, takeSequence(), event);
    }

    /** The next place in the order of events at one instant, for an event scheduled now. */
    long takeSequence() {
        return nextSequence++;
    }

    /** Adds an event with the place in the order it took earlier ({@link #takeSequence()}). */
    void add(long time, long sequence, Event event) {
        if (size == times.length) {
            int capacity = size * 2;
            times = Arrays.copyOf(times, capacity);
            sequences = Arrays.copyOf(sequences, capacity);
            events = Arrays.copyOf(events, capacity);
        }
        int at = size++;
        while (at > 0) {
            int parent = (at - 1) >>> 1;
            if (!before(time, sequence, times[parent], sequences[parent])) {
                break;
            }
            move(parent, at);
            at = parent;
        }
        set(at, time, sequence, event);
    }

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    /** The time of the earliest event; only when not empty. */
    long peekTime() {
        return times[0];
    }

    /** Removes and returns the earliest event. */
    Event poll() {
        Event first = events[0];
        int last = --size;
        long time = times[last];
        long sequence = sequences[last];
        Event event = events[last];
        events[last] = null;
        if (last > 0) {
            int at = 0;
            while (true) {
                int child = 2 * at + 1;
                if (child >= last) {
                    break;
                }
                if (child + 1 < last && before(times[child + 1], sequences[child + 1], times[child], sequences[child])) {
                    child++;
                }
                if (!before(times[child], sequences[child], time, sequence)) {
                    break;
                }
                move(child, at);
                at = child;
            }
            set(at, time, sequence, event);
        }
        return first;
    }

    private static boolean before(long time, long sequence, long otherTime, long otherSequence) {
        return time < otherTime || (time == otherTime && sequence < otherSequence);
    }

    private void move(int from, int to) {
        times[to] = times[from];
        sequences[to] = sequences[from];
        events[to] = events[from];
    }

    private void set(int at, long time, long sequence, Event event) {
        times[at] = time;
        sequences[at] = sequence;
        events[at] = event;
    }
}

package org.wirelab.simulator.tcp;

import java.util.Arrays;
import java.util.function.Predicate;

/**
 * Values by sequence offset, in ascending order of their keys: what a sorted map ({@code TreeMap<Long, V>})
 * gives, in two arrays used as a sorted deque. Entries mostly join at the end and leave from the front
 * (segments beyond a receiver's gap, ranges RACK marks lost), so both cost no copying, a lookup is a
 * binary search, and nothing is allocated per entry: no node, no boxed key. Indexes run from 0 (the
 * lowest key) to {@link #size()} - 1.
 *
 * @param <V> what each offset holds
 */
final class SequenceMap<V> {
    private long[] keys = new long[16];
    private Object[] values = new Object[16];
    /** Entries sit at [first, last) of the arrays. */
    private int first;
    private int last;

    boolean isEmpty() {
        return first == last;
    }

    int size() {
        return last - first;
    }

    long key(int index) {
        return keys[first + index];
    }

    @SuppressWarnings("unchecked")
    V value(int index) {
        return (V) values[first + index];
    }

    void setValue(int index, V value) {
        values[first + index] = value;
    }

    /** The index of the last entry whose key is at most {@code key}; -1 when none is. */
    int floor(long key) {
        if (first == last) {
            return -1;
        }
        if (keys[last - 1] <= key) {
            return last - 1 - first; // the common case: at or after the highest key
        }
        int low = first;
        int high = last - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            if (keys[middle] <= key) {
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return high - first;
    }

    /** The value at {@code key}; null when none is. */
    V get(long key) {
        int index = floor(key);
        return index >= 0 && key(index) == key ? value(index) : null;
    }

    /** Puts {@code value} at {@code key}, replacing the value there. */
    void put(long key, V value) {
        int index = floor(key);
        if (index >= 0 && key(index) == key) {
            setValue(index, value);
            return;
        }
        if (last == keys.length) {
            makeRoom();
        }
        int at = first + index + 1;
        System.arraycopy(keys, at, keys, at + 1, last - at);
        System.arraycopy(values, at, values, at + 1, last - at);
        keys[at] = key;
        values[at] = value;
        last++;
    }

    /** Removes the entry with the lowest key; only when not empty. */
    void removeFirst() {
        values[first] = null;
        first++;
        if (first == last) {
            first = 0;
            last = 0;
        }
    }

    /** Removes the entries whose key is below {@code key} and whose value {@code gone} accepts. */
    void removeBelow(long key, Predicate<V> gone) {
        int kept = first;
        int index = first;
        for (; index < last && keys[index] < key; index++) {
            @SuppressWarnings("unchecked")
            V value = (V) values[index];
            if (!gone.test(value)) {
                keys[kept] = keys[index];
                values[kept++] = value;
            }
        }
        int removed = index - kept;
        if (removed > 0) {
            System.arraycopy(keys, index, keys, kept, last - index);
            System.arraycopy(values, index, values, kept, last - index);
            Arrays.fill(values, last - removed, last, null);
            last -= removed;
        }
        if (first == last) {
            first = 0;
            last = 0;
        }
    }

    void clear() {
        Arrays.fill(values, first, last, null);
        first = 0;
        last = 0;
    }

    /** Room for one more at the end: the entries moved to the front, or arrays twice as long. */
    private void makeRoom() {
        int count = last - first;
        if (first > 0 && count < keys.length / 2) {
            System.arraycopy(keys, first, keys, 0, count);
            System.arraycopy(values, first, values, 0, count);
            Arrays.fill(values, count, last, null);
        } else {
            long[] newKeys = new long[2 * keys.length];
            Object[] newValues = new Object[2 * keys.length];
            System.arraycopy(keys, first, newKeys, 0, count);
            System.arraycopy(values, first, newValues, 0, count);
            keys = newKeys;
            values = newValues;
        }
        first = 0;
        last = count;
    }
}

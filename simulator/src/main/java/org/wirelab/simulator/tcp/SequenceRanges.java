package org.wirelab.simulator.tcp;

import java.util.Arrays;

/**
 * Disjoint ranges of sequence space, start to end (exclusive), merged when they overlap or touch, in
 * ascending order: the SACKed ranges of a sender, the out-of-order ranges of a receiver. They sit in
 * two sorted arrays, so a lookup is a binary search over a handful of longs, with no boxing and no
 * allocation: a lossy transfer asks them a question for every segment of every ACK.
 */
final class SequenceRanges {
    private long[] starts = new long[8];
    private long[] ends = new long[8];
    private int count;

    boolean isEmpty() {
        return count == 0;
    }

    int size() {
        return count;
    }

    /** The start of the {@code index}-th range, in ascending order. */
    long start(int index) {
        return starts[index];
    }

    /** The end (exclusive) of the {@code index}-th range. */
    long end(int index) {
        return ends[index];
    }

    /** Adds {@code [start, end)}, joining the ranges it overlaps or touches. */
    void add(long start, long end) {
        int at = floor(start);
        if (at >= 0 && ends[at] >= start) {
            start = starts[at];
            end = Math.max(end, ends[at]);
        } else {
            at++; // the first range starting after start
        }
        int past = at;
        while (past < count && starts[past] <= end) {
            end = Math.max(end, ends[past]);
            past++;
        }
        // Ranges [at, past) are replaced by the one new range.
        int removed = past - at;
        if (removed == 0) {
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, 2 * count);
                ends = Arrays.copyOf(ends, 2 * count);
            }
            System.arraycopy(starts, at, starts, at + 1, count - at);
            System.arraycopy(ends, at, ends, at + 1, count - at);
            count++;
        } else if (removed > 1) {
            System.arraycopy(starts, past, starts, at + 1, count - past);
            System.arraycopy(ends, past, ends, at + 1, count - past);
            count -= removed - 1;
        }
        starts[at] = start;
        ends[at] = end;
    }

    /** Forgets everything before {@code position}: a range that holds it is cut there. */
    void removeBefore(long position) {
        int gone = 0;
        while (gone < count && ends[gone] <= position) {
            gone++;
        }
        removeFirst(gone);
        if (count > 0 && starts[0] < position) {
            starts[0] = position;
        }
    }

    /** Forgets every range starting at or before {@code position}, whole. */
    void removeStartingUpTo(long position) {
        removeFirst(floor(position) + 1);
    }

    void clear() {
        count = 0;
    }

    private void removeFirst(int gone) {
        if (gone > 0) {
            System.arraycopy(starts, gone, starts, 0, count - gone);
            System.arraycopy(ends, gone, ends, 0, count - gone);
            count -= gone;
        }
    }

    /** True when a range holds {@code position}. */
    boolean contains(long position) {
        int at = floor(position);
        return at >= 0 && ends[at] > position;
    }

    /** Where the range holding {@code position} ends; {@code position} itself when none holds it. */
    long endOfRangeHolding(long position) {
        int at = floor(position);
        return at >= 0 && ends[at] > position ? ends[at] : position;
    }

    /** The index of the first range starting after {@code position}; {@link #size()} when none does. */
    int firstStartingAfter(long position) {
        return floor(position) + 1;
    }

    /** Bytes in all the ranges together. */
    long totalLength() {
        long bytes = 0;
        for (int i = 0; i < count; i++) {
            bytes += ends[i] - starts[i];
        }
        return bytes;
    }

    /** The index of the last range starting at or before {@code position}; -1 when none does. */
    int floor(long position) {
        // Most questions are about SND.UNA, below every SACKed range, or the last segment that arrived
        // beyond a gap, in the highest range.
        if (count == 0 || starts[0] > position) {
            return -1;
        }
        if (starts[count - 1] <= position) {
            return count - 1;
        }
        int low = 0;
        int high = count - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            if (starts[middle] <= position) {
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return high;
    }
}

package org.wirelab.simulator.tcp;

import java.util.Arrays;

/**
 * The segments a sender has in flight, for RACK (RFC 8985): each one's start, end, when it was last
 * sent and whether it was sent again, in sequence order; and those not yet delivered also in the
 * order they were last sent (Linux's tsorted_sent_queue). Positions are sequence offsets, as in
 * {@link TcpEndpoint}; a segment is known by its start.
 *
 * <p>Everything sits in arrays indexed by a slot number, reused once a segment is acknowledged: the
 * sequence order is an array of slots (segments almost always join at its end and leave at its
 * front), the send order a doubly linked list through two arrays of slots. Nothing is allocated per
 * segment, and no key is boxed. Delivered segments stay in the sequence order until acknowledged; a
 * pointer per place, pointing past runs of delivered ones, lets a walk over the undelivered ones in a
 * range step over them.
 */
final class SentSegments {
    static final int NONE = -1;

    // Per slot.
    private long[] starts = new long[64];
    private long[] ends = new long[64];
    private long[] sentAts = new long[64];
    private boolean[] retransmitted = new boolean[64];
    private boolean[] undelivered = new boolean[64];
    private Object[] tags = new Object[64];
    private int[] sentBefore = new int[64];
    private int[] sentAfter = new int[64];
    private int[] freeSlots = new int[64];
    private int freeCount;
    private int slotsUsed;

    // Sequence order: slots at places [first, last) of bySequence, ascending starts.
    private int[] bySequence = new int[64];
    /** For each place, a place at or before the next undelivered segment's (a hint that only moves forward). */
    private int[] skip = new int[64];
    private int first;
    private int last;

    // Send order of the undelivered segments.
    private int oldestSent = NONE;
    private int newestSent = NONE;
    private int undeliveredCount;

    long start(int slot) {
        return starts[slot];
    }

    long end(int slot) {
        return ends[slot];
    }

    long sentAt(int slot) {
        return sentAts[slot];
    }

    boolean retransmitted(int slot) {
        return retransmitted[slot];
    }

    /** Whatever the caller keeps with the segment (RACK: the burst it last left in). */
    Object tag(int slot) {
        return tags[slot];
    }

    int undeliveredCount() {
        return undeliveredCount;
    }

    /** Where the segment with the highest start begins; -1 when none is in flight. */
    long lastStart() {
        return first == last ? NONE : starts[bySequence[last - 1]];
    }

    /**
     * The segment starting at {@code start} left now, at {@code now} (the first time: ending at
     * {@code end}; again: ending at the later of its end and {@code end}), with {@code tag}: it is
     * undelivered and the most recently sent. Returns its slot.
     */
    int sent(long start, long end, long now, boolean again, Object tag) {
        int slot = find(start);
        if (slot == NONE) {
            slot = insert(start, end);
        } else if (undelivered[slot]) {
            unlink(slot);
        } else {
            undelivered[slot] = true; // delivered, and sent again
            undeliveredCount++;
            resetSkips(); // a hint may point past its place
        }
        ends[slot] = Math.max(ends[slot], end);
        sentAts[slot] = now;
        retransmitted[slot] |= again;
        tags[slot] = tag;
        link(slot);
        return slot;
    }

    /** The undelivered segment sent longest ago; NONE when none is. */
    int oldestSent() {
        return oldestSent;
    }

    /** The undelivered segment sent next after {@code slot}; NONE after the newest. */
    int sentAfter(int slot) {
        return sentAfter[slot];
    }

    /** The place of the first undelivered segment starting at or after {@code start}, in sequence order. */
    int firstUndeliveredFrom(long start) {
        int low = first;
        int high = last - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            if (starts[bySequence[middle]] < start) {
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return undeliveredAtOrAfter(low);
    }

    /** The place of the next undelivered segment after place {@code place}; {@link #end()} when none. */
    int nextUndelivered(int place) {
        return undeliveredAtOrAfter(place + 1);
    }

    /** The place after the last. */
    int end() {
        return last;
    }

    int slotAt(int place) {
        return bySequence[place];
    }

    /** The segment at {@code place} has been delivered (SACKed or acknowledged). */
    void delivered(int place) {
        int slot = bySequence[place];
        if (undelivered[slot]) {
            undelivered[slot] = false;
            undeliveredCount--;
            unlink(slot);
            skip[place] = place + 1;
        }
    }

    /** The first undelivered segment in sequence order; NONE when none is. */
    int firstUndelivered() {
        int place = undeliveredAtOrAfter(first);
        return place == last ? NONE : bySequence[place];
    }

    /**
     * Everything before {@code sndUna} is acknowledged: segments leave from the lowest start on, as long
     * as each ends by {@code sndUna}.
     */
    void acknowledged(long sndUna) {
        while (first < last && ends[bySequence[first]] <= sndUna) {
            int slot = bySequence[first];
            if (undelivered[slot]) {
                undelivered[slot] = false;
                undeliveredCount--;
                unlink(slot);
            }
            tags[slot] = null;
            freeSlots[freeCount++] = slot;
            first++;
        }
        if (first == last) {
            first = 0;
            last = 0;
        }
    }

    private int undeliveredAtOrAfter(int place) {
        int at = place;
        while (at < last && !undelivered[bySequence[at]]) {
            at = skip[at];
        }
        // Path compression: the places walked over now point straight at the answer.
        for (int p = place; p < at && p < last; ) {
            int next = skip[p];
            if (!undelivered[bySequence[p]]) {
                skip[p] = at;
            }
            p = next;
        }
        return at;
    }

    private void resetSkips() {
        for (int place = first; place < last; place++) {
            skip[place] = undelivered[bySequence[place]] ? place : place + 1;
        }
    }

    /** The slot of the segment starting at {@code start}; NONE when there is none. */
    private int find(long start) {
        if (first == last || start > starts[bySequence[last - 1]]) {
            return NONE;
        }
        int low = first;
        int high = last - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            long key = starts[bySequence[middle]];
            if (key < start) {
                low = middle + 1;
            } else if (key > start) {
                high = middle - 1;
            } else {
                return bySequence[middle];
            }
        }
        return NONE;
    }

    /** A new undelivered segment, at its place in sequence order (almost always the end). */
    private int insert(long start, long end) {
        int slot = newSlot();
        starts[slot] = start;
        ends[slot] = end;
        retransmitted[slot] = false;
        undelivered[slot] = true;
        undeliveredCount++;
        if (last == bySequence.length) {
            if (first > 0) {
                compact();
            } else {
                bySequence = Arrays.copyOf(bySequence, 2 * last);
                skip = Arrays.copyOf(skip, 2 * last);
            }
        }
        int place = last;
        while (place > first && starts[bySequence[place - 1]] > start) {
            place--;
        }
        System.arraycopy(bySequence, place, bySequence, place + 1, last - place);
        bySequence[place] = slot;
        last++;
        if (place == last - 1) {
            skip[place] = place; // no hint points past the old end
        } else {
            resetSkips(); // places moved
        }
        return slot;
    }

    private void compact() {
        System.arraycopy(bySequence, first, bySequence, 0, last - first);
        last -= first;
        first = 0;
        resetSkips();
    }

    private int newSlot() {
        if (freeCount > 0) {
            return freeSlots[--freeCount];
        }
        if (slotsUsed == starts.length) {
            int capacity = 2 * slotsUsed;
            starts = Arrays.copyOf(starts, capacity);
            ends = Arrays.copyOf(ends, capacity);
            sentAts = Arrays.copyOf(sentAts, capacity);
            retransmitted = Arrays.copyOf(retransmitted, capacity);
            undelivered = Arrays.copyOf(undelivered, capacity);
            tags = Arrays.copyOf(tags, capacity);
            sentBefore = Arrays.copyOf(sentBefore, capacity);
            sentAfter = Arrays.copyOf(sentAfter, capacity);
            freeSlots = Arrays.copyOf(freeSlots, capacity);
        }
        return slotsUsed++;
    }

    /** Appends an undelivered segment to the send order. */
    private void link(int slot) {
        sentBefore[slot] = newestSent;
        sentAfter[slot] = NONE;
        if (newestSent == NONE) {
            oldestSent = slot;
        } else {
            sentAfter[newestSent] = slot;
        }
        newestSent = slot;
    }

    private void unlink(int slot) {
        int before = sentBefore[slot];
        int after = sentAfter[slot];
        if (before == NONE) {
            oldestSent = after;
        } else {
            sentAfter[before] = after;
        }
        if (after == NONE) {
            newestSent = before;
        } else {
            sentBefore[after] = before;
        }
    }
}

package org.wirelab.simulator.tcp;

/**
 * The data written and not yet sent, cut into segments as it is written, the way Linux's
 * tcp_sendmsg fills its write queue (net/ipv4/tcp.c): a write first tops up the last unsent segment
 * to the size goal, then cuts new segments of the size goal; the rest of the write becomes a shorter
 * segment of its own. Segments leave whole, with the boundaries they were given here.
 *
 * <p>PSH marks where a write ended (tcp_push) and, inside a long write, the segment after which
 * more than half the peer's largest window has been written since the last PSH (forced_push). A
 * segment that a later write tops up loses its PSH, as Linux clears it on the first bytes it appends.
 *
 * <p>A write is not instantaneous: the kernel copies its bytes from the application into the
 * segments one after the other, and each segment can leave only once it is filled
 * ({@link #firstReadyAt()}). On a loopback the receiver's ACK of a write's first segment comes back
 * while the second is still being copied.
 *
 * <p>Positions are sequence offsets, as in {@link TcpEndpoint}.
 */
final class WriteQueue {
    /** End of each unsent segment, oldest first, in a ring. */
    private long[] ends = new long[16];
    private boolean[] push = new boolean[16];
    /** When each segment's last byte has been copied in: it cannot leave before. */
    private long[] readyAt = new long[16];
    private int head;
    private int count;
    /** Where the oldest unsent segment starts. */
    private long start;
    /** Linux's pushed_seq: the end of the data last marked with PSH. */
    private long pushed;

    /** An empty queue whose first byte will be at {@code offset}. */
    WriteQueue(long offset) {
        start = offset;
        pushed = offset;
    }

    boolean isEmpty() {
        return count == 0;
    }

    /** Bytes in the oldest unsent segment. */
    int firstLength() {
        return (int) (ends[head] - start);
    }

    /** True when the oldest unsent segment carries PSH. */
    boolean firstPushed() {
        return push[head];
    }

    /** The virtual time the oldest unsent segment is filled and may leave. */
    long firstReadyAt() {
        return readyAt[head];
    }

    /** True when the oldest unsent segment is also the last. */
    boolean firstIsLast() {
        return count == 1;
    }

    /** The oldest unsent segment has left. */
    void removeFirst() {
        start = ends[head];
        head = (head + 1) & (ends.length - 1);
        count--;
    }

    /**
     * Bytes before {@code offset} have left some other way (the persist timer's segment, a probe's byte
     * accepted): the segments holding them shrink or go.
     */
    void sentUpTo(long offset) {
        while (count > 0 && ends[head] <= offset) {
            removeFirst();
        }
        if (offset > start) {
            start = offset;
        }
    }

    /**
     * A write of bytes {@code [from, to)}, cut into segments of {@code sizeGoal} bytes (Linux's
     * size_goal: the MSS, or half the peer's largest window, {@code halfMaxWindow}, when smaller),
     * copied in from {@code copyStart} on at {@code bytesPerSecond}.
     */
    void written(long from, long to, int sizeGoal, long halfMaxWindow, long copyStart, long bytesPerSecond) {
        long at = from;
        if (count > 0) {
            int last = index(count - 1);
            long lastStart = count == 1 ? start : ends[index(count - 2)];
            long room = sizeGoal - (ends[last] - lastStart);
            if (room > 0) {
                long added = Math.min(room, to - at);
                ends[last] += added;
                push[last] = false;
                at += added;
                readyAt[last] = copyStart + copyNanos(at - from, bytesPerSecond);
                if (at < to && ends[last] - lastStart == sizeGoal) {
                    forcedPush(last, at, halfMaxWindow);
                }
            }
        } else {
            start = from;
        }
        while (at < to) {
            long end = Math.min(to, at + sizeGoal);
            int slot = append(end, copyStart + copyNanos(end - from, bytesPerSecond));
            at = end;
            if (at < to) {
                forcedPush(slot, at, halfMaxWindow);
            }
        }
        // tcp_push at the end of every write (no MSG_MORE): the last segment carries PSH.
        push[index(count - 1)] = true;
        pushed = to;
    }

    /** forced_push(): more than half the largest window written since the last PSH. */
    private void forcedPush(int slot, long writtenUpTo, long halfMaxWindow) {
        if (writtenUpTo > pushed + halfMaxWindow) {
            push[slot] = true;
            pushed = writtenUpTo;
        }
    }

    private static long copyNanos(long bytes, long bytesPerSecond) {
        return bytes * 1_000_000_000L / bytesPerSecond;
    }

    private int append(long end, long ready) {
        if (count == ends.length) {
            grow();
        }
        int slot = index(count);
        ends[slot] = end;
        push[slot] = false;
        readyAt[slot] = ready;
        count++;
        return slot;
    }

    private int index(int position) {
        return (head + position) & (ends.length - 1);
    }

    private void grow() {
        long[] newEnds = new long[ends.length * 2];
        boolean[] newPush = new boolean[ends.length * 2];
        long[] newReadyAt = new long[ends.length * 2];
        for (int i = 0; i < count; i++) {
            newEnds[i] = ends[index(i)];
            newPush[i] = push[index(i)];
            newReadyAt[i] = readyAt[index(i)];
        }
        ends = newEnds;
        push = newPush;
        readyAt = newReadyAt;
        head = 0;
    }
}

package org.wirelab.simulator.tcp;

import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * What the receiver holds: bytes in order that the application has not read yet (the segments'
 * payload arrays themselves, not copies), and segments that arrived ahead of a gap, by stream
 * position (RFC 9293 section 3.10.7.4, "segment text").
 */
final class ReceiveBuffer {
    private final ArrayDeque<byte[]> ready = new ArrayDeque<>();
    private int headOffset;
    private long readable;
    /** Out-of-order segments by the stream position of their first byte. */
    private final SequenceMap<byte[]> ahead = new SequenceMap<>();
    /**
     * The same bytes as merged ranges, start to end, kept as segments arrive and leave: the SACK blocks of
     * every ACK, where merging every held segment again cost the simulator most of a lossy transfer.
     */
    private final SequenceRanges aheadRanges = new SequenceRanges();
    private long aheadBytes;
    /** Where the last segment that arrived ahead of a gap starts. */
    private long lastAhead = -1;
    /** Stream position of the next byte expected in order. */
    private long next;

    long next() {
        return next;
    }

    long readable() {
        return readable;
    }

    long aheadBytes() {
        return aheadBytes;
    }

    boolean hasGap() {
        return !ahead.isEmpty();
    }

    /** True when {@code [position, position + length)} is already held beyond the gap (a duplicate). */
    boolean holdsAhead(long position, int length) {
        int held = ahead.floor(position);
        return length > 0 && held >= 0 && ahead.key(held) + ahead.value(held).length >= position + length;
    }

    /**
     * The SACK blocks to report, at most {@code max} (RFC 2018 section 4): first the range holding the
     * segment that arrived last, then the others in stream order.
     */
    long[] aheadRanges(int max) {
        int holding = aheadRanges.floor(lastAhead);
        if (holding >= 0 && aheadRanges.end(holding) <= lastAhead) {
            holding = -1;
        }
        int count = Math.min(max, aheadRanges.size());
        long[] ranges = new long[2 * count];
        int filled = 0;
        if (holding >= 0 && count > 0) {
            ranges[0] = aheadRanges.start(holding);
            ranges[1] = aheadRanges.end(holding);
            filled = 1;
        }
        for (int range = 0; range < aheadRanges.size() && filled < count; range++) {
            if (range == holding) {
                continue;
            }
            ranges[2 * filled] = aheadRanges.start(range);
            ranges[2 * filled + 1] = aheadRanges.end(range);
            filled++;
        }
        return ranges;
    }

    /**
     * Takes bytes at stream position {@code position}; those before {@link #next()} are dropped as
     * duplicates. Returns true when {@code next} moved.
     */
    boolean accept(long position, byte[] bytes) {
        long endPosition = position + bytes.length;
        if (endPosition <= next || bytes.length == 0) {
            return false;
        }
        if (position > next) {
            lastAhead = position;
            byte[] held = ahead.get(position);
            if (held == null || held.length < bytes.length) {
                if (held != null) {
                    aheadBytes -= held.length;
                }
                ahead.put(position, bytes);
                aheadBytes += bytes.length;
                aheadRanges.add(position, endPosition);
            }
            return false;
        }
        append(trim(bytes, (int) (next - position)));
        while (!ahead.isEmpty() && ahead.key(0) <= next) {
            byte[] first = ahead.value(0);
            long skip = next - ahead.key(0);
            ahead.removeFirst();
            aheadBytes -= first.length;
            if (skip < first.length) {
                append(trim(first, (int) skip));
            }
        }
        // Every held segment starting at or before next was taken, and with it each range it began.
        aheadRanges.removeStartingUpTo(next);
        return true;
    }

    private static byte[] trim(byte[] bytes, int skip) {
        if (skip == 0) {
            return bytes;
        }
        return Arrays.copyOfRange(bytes, skip, bytes.length);
    }

    private void append(byte[] bytes) {
        ready.addLast(bytes);
        readable += bytes.length;
        next += bytes.length;
    }

    /** Hands up to {@code max} readable bytes to {@code reader}, in order; returns how many. */
    long read(long max, StreamReader reader) {
        long done = 0;
        while (done < max && !ready.isEmpty()) {
            byte[] head = ready.peekFirst();
            int run = (int) Math.min(max - done, head.length - headOffset);
            reader.read(head, headOffset, run);
            headOffset += run;
            done += run;
            if (headOffset == head.length) {
                ready.pollFirst();
                headOffset = 0;
            }
        }
        readable -= done;
        return done;
    }
}

package org.wirelab.simulator.tcp;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
    private final TreeMap<Long, byte[]> ahead = new TreeMap<>();
    /**
     * The same bytes as merged ranges, start to end, kept as segments arrive and leave: the SACK blocks of
     * every ACK, where merging every held segment again cost the simulator most of a lossy transfer.
     */
    private final TreeMap<Long, Long> aheadRanges = new TreeMap<>();
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
        var held = ahead.floorEntry(position);
        return length > 0 && held != null && held.getKey() + held.getValue().length >= position + length;
    }

    /**
     * The SACK blocks to report, at most {@code max} (RFC 2018 section 4): first the range holding the
     * segment that arrived last, then the others in stream order.
     */
    long[] aheadRanges(int max) {
        Map.Entry<Long, Long> holding = aheadRanges.floorEntry(lastAhead);
        if (holding != null && holding.getValue() <= lastAhead) {
            holding = null;
        }
        int count = Math.min(max, aheadRanges.size());
        long[] ranges = new long[2 * count];
        int filled = 0;
        if (holding != null && count > 0) {
            ranges[0] = holding.getKey();
            ranges[1] = holding.getValue();
            filled = 1;
        }
        for (Map.Entry<Long, Long> range : aheadRanges.entrySet()) {
            if (filled == count) {
                break;
            }
            if (holding != null && range.getKey().equals(holding.getKey())) {
                continue;
            }
            ranges[2 * filled] = range.getKey();
            ranges[2 * filled + 1] = range.getValue();
            filled++;
        }
        return ranges;
    }

    /** Adds {@code [from, to)} to the merged ranges, joining those it overlaps or touches. */
    private void addAheadRange(long from, long to) {
        Map.Entry<Long, Long> before = aheadRanges.floorEntry(from);
        if (before != null && before.getValue() >= from) {
            from = before.getKey();
            to = Math.max(to, before.getValue());
            aheadRanges.remove(before.getKey());
        }
        for (Map.Entry<Long, Long> after = aheadRanges.ceilingEntry(from); after != null && after.getKey() <= to;
                after = aheadRanges.ceilingEntry(from)) {
            to = Math.max(to, after.getValue());
            aheadRanges.remove(after.getKey());
        }
        aheadRanges.put(from, to);
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
                addAheadRange(position, endPosition);
            }
            return false;
        }
        append(trim(bytes, (int) (next - position)));
        while (!ahead.isEmpty()) {
            Map.Entry<Long, byte[]> first = ahead.firstEntry();
            if (first.getKey() > next) {
                break;
            }
            ahead.pollFirstEntry();
            aheadBytes -= first.getValue().length;
            long skip = next - first.getKey();
            if (skip < first.getValue().length) {
                append(trim(first.getValue(), (int) skip));
            }
        }
        // Every held segment starting at or before next was taken, and with it each range it began.
        while (!aheadRanges.isEmpty() && aheadRanges.firstKey() <= next) {
            aheadRanges.pollFirstEntry();
        }
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

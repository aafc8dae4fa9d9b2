package org.wirelab.simulator.tcp;

import java.util.ArrayDeque;
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
    private long aheadBytes;
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

    /** The SACK blocks to report (RFC 2018): the most recent first is not tracked, so in stream order. */
    long[] aheadRanges(int max) {
        int count = 0;
        long[] ranges = new long[2 * max];
        long left = -1;
        long right = -1;
        for (Map.Entry<Long, byte[]> entry : ahead.entrySet()) {
            long from = entry.getKey();
            long to = from + entry.getValue().length;
            if (left >= 0 && from <= right) {
                right = Math.max(right, to);
                continue;
            }
            if (left >= 0) {
                if (count == max) {
                    break;
                }
                ranges[2 * count] = left;
                ranges[2 * count + 1] = right;
                count++;
            }
            left = from;
            right = to;
        }
        if (left >= 0 && count < max) {
            ranges[2 * count] = left;
            ranges[2 * count + 1] = right;
            count++;
        }
        return java.util.Arrays.copyOf(ranges, 2 * count);
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
            byte[] held = ahead.get(position);
            if (held == null || held.length < bytes.length) {
                if (held != null) {
                    aheadBytes -= held.length;
                }
                ahead.put(position, bytes);
                aheadBytes += bytes.length;
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
        return true;
    }

    private static byte[] trim(byte[] bytes, int skip) {
        if (skip == 0) {
            return bytes;
        }
        return java.util.Arrays.copyOfRange(bytes, skip, bytes.length);
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

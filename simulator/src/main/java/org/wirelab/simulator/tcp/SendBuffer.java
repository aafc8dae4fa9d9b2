package org.wirelab.simulator.tcp;

/**
 * The bytes an application has written and the peer has not yet acknowledged, kept for
 * retransmission: a ring that grows up to its limit. Bytes are addressed by their position in the
 * stream (0 = the first byte written).
 *
 * <p>A bulk transfer writes a short unit repeated (a {@link ByteSource} with a {@link ByteSource#period()}):
 * two segments of the same length starting at the same place in the unit hold the same bytes. While
 * the bytes come from one such source, written in order, a segment's bytes are one array shared by
 * every segment alike instead of a fresh copy each (packets never change their payload), so that a
 * long transfer allocates almost nothing per segment. Nor are those bytes copied into the ring as they
 * are written: they are the source's to give again, and go into the ring only if a write from
 * elsewhere ends the run while some of them are still kept.
 */
final class SendBuffer {
    /** Periods longer than this are copied as any other bytes. */
    private static final int LONGEST_SHARED_PERIOD = 4096;

    private final int limit;
    private byte[] ring = new byte[4096];
    /** Stream position of the oldest byte kept. */
    private long start;
    /** Stream position after the last byte written. */
    private long end;
    /**
     * The repeating source the bytes from {@link #repeatedFrom} to {@link #end} were written from, in
     * order, {@code repeatedFrom} being byte {@code repeatedOffset} of it; null when the last write was
     * not from such a source.
     */
    private ByteSource repeated;
    private long repeatedFrom;
    private long repeatedOffset;
    /** The last segment made at each phase of the period (the position in it of the segment's first byte). */
    private byte[][] segmentsByPhase;

    SendBuffer(int limit) {
        this.limit = limit;
    }

    long end() {
        return end;
    }

    /** Room left for the application. */
    int space() {
        return (int) (limit - (end - start));
    }

    /** Appends up to {@code length} bytes of {@code source} from {@code offset}; returns how many fit. */
    int write(ByteSource source, long offset, int length) {
        int count = Math.min(length, space());
        followRepeated(source, offset);
        ensureCapacity((int) (end - start) + count);
        if (repeated == source) {
            end += count; // read from the source itself (sharedSegment), never from the ring
            return count;
        }
        int done = 0;
        while (done < count) {
            int at = index(end + done);
            int run = Math.min(count - done, ring.length - at);
            source.copy(offset + done, ring, at, run);
            done += run;
        }
        end += count;
        return count;
    }

    /** Appends up to {@code length} bytes of {@code bytes}; returns how many fit. */
    int write(byte[] bytes, int offset, int length) {
        int count = Math.min(length, space());
        endRepeated();
        ensureCapacity((int) (end - start) + count);
        int done = 0;
        while (done < count) {
            int at = index(end + done);
            int run = Math.min(count - done, ring.length - at);
            System.arraycopy(bytes, offset + done, ring, at, run);
            done += run;
        }
        end += count;
        return count;
    }

    /** Keeps track of a repeating source written from {@code offset} at the end of the buffer. */
    private void followRepeated(ByteSource source, long offset) {
        boolean continues = source == repeated && repeatedOffset + (end - repeatedFrom) == offset;
        if (continues) {
            return;
        }
        endRepeated();
        int period = source.period();
        if (period > 0 && period <= LONGEST_SHARED_PERIOD) {
            repeated = source;
            repeatedFrom = end;
            repeatedOffset = offset;
            segmentsByPhase = new byte[period][];
        } else {
            repeated = null;
        }
    }

    /**
     * The run of bytes from a repeating source ends: those of them still kept are copied into the ring,
     * where {@link #copy} reads everything written before the run that follows.
     */
    private void endRepeated() {
        if (repeated == null) {
            return;
        }
        long from = Math.max(start, repeatedFrom);
        for (long position = from; position < end; ) {
            int at = index(position);
            int run = (int) Math.min(end - position, ring.length - at);
            repeated.copy(repeatedOffset + (position - repeatedFrom), ring, at, run);
            position += run;
        }
        repeated = null;
    }

    /**
     * Bytes {@code [position, position + length)}, which must still be kept, in an array the caller
     * must not change: shared with other segments when they come from a repeating source.
     */
    byte[] copy(long position, int length) {
        if (repeated != null && position >= repeatedFrom) {
            return sharedSegment(position, length);
        }
        byte[] out = copyFromRing(position, length);
        if (repeated != null && position + length > repeatedFrom) {
            // The segment runs from bytes written before the repeating source into its first ones.
            int fromRing = (int) (repeatedFrom - position);
            repeated.copy(repeatedOffset, out, fromRing, length - fromRing);
        }
        return out;
    }

    private byte[] copyFromRing(long position, int length) {
        byte[] out = new byte[length];
        int done = 0;
        while (done < length) {
            int at = index(position + done);
            int run = Math.min(length - done, ring.length - at);
            System.arraycopy(ring, at, out, done, run);
            done += run;
        }
        return out;
    }

    private byte[] sharedSegment(long position, int length) {
        // Bytes from offset o of the source are those from o modulo its period: phase + length is
        // within what the source holds, since o + length is.
        int phase = (int) ((repeatedOffset + position - repeatedFrom) % segmentsByPhase.length);
        byte[] segment = segmentsByPhase[phase];
        if (segment == null || segment.length != length) {
            segment = new byte[length];
            repeated.copy(phase, segment, 0, length);
            segmentsByPhase[phase] = segment;
        }
        return segment;
    }

    /** Forgets the bytes before {@code position}: the peer has acknowledged them. */
    void release(long position) {
        if (position > start) {
            start = Math.min(position, end);
        }
    }

    private int index(long position) {
        return (int) (position & (ring.length - 1));
    }

    private void ensureCapacity(int needed) {
        if (needed <= ring.length) {
            return;
        }
        int capacity = ring.length;
        while (capacity < needed) {
            capacity *= 2;
        }
        byte[] grown = new byte[capacity];
        int kept = (int) (end - start);
        for (int done = 0; done < kept; ) {
            int at = index(start + done);
            int run = Math.min(kept - done, ring.length - at);
            System.arraycopy(ring, at, grown, (int) ((start + done) & (capacity - 1)), run);
            done += run;
        }
        ring = grown;
    }
}

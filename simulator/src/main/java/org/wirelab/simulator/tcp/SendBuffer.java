package org.wirelab.simulator.tcp;

/**
 * The bytes an application has written and the peer has not yet acknowledged, kept for
 * retransmission: a ring that grows up to its limit. Bytes are addressed by their position in the
 * stream (0 = the first byte written).
 */
final class SendBuffer {
    private final int limit;
    private byte[] ring = new byte[4096];
    /** Stream position of the oldest byte kept. */
    private long start;
    /** Stream position after the last byte written. */
    private long end;

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
        ensureCapacity((int) (end - start) + count);
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

    /** A copy of bytes {@code [position, position + length)}, which must still be kept. */
    byte[] copy(long position, int length) {
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

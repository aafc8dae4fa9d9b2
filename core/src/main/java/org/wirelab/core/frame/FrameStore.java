package org.wirelab.core.frame;

import java.util.Arrays;

/**
 * An append-only, compact store of raw frames: every frame's bytes in one shared array and a few
 * primitive columns, so a million frames cost their own bytes plus about 18 bytes each and no object.
 * Frames are numbered from 1, as in Wireshark; index {@code i} in the accessors is {@code number - 1}.
 *
 * <p>Not thread-safe: one writer fills it (a file reader, a live capture, the simulator); readers may
 * look at frames {@code < size()} once the writer has handed the store over.
 */
public final class FrameStore {
    private byte[] data;
    private int dataLength;
    private int[] offsets;          // start of frame i in data; offsets[size] is the end of the last frame
    private long[] timestamps;      // nanoseconds since the Unix epoch
    private int[] originalLengths;
    private short[] linkTypes;
    private int size;

    public FrameStore() {
        this(1 << 16, 1024);
    }

    /** Presizes the store, e.g. from a file's length, to avoid copying while it grows. */
    public FrameStore(long expectedBytes, int expectedFrames) {
        data = new byte[(int) Math.max(64, Math.min(expectedBytes, Integer.MAX_VALUE - 16))];
        int frames = Math.max(16, expectedFrames);
        offsets = new int[frames + 1];
        timestamps = new long[frames];
        originalLengths = new int[frames];
        linkTypes = new short[frames];
    }

    /** Appends a frame and returns its number (1-based). */
    public int append(long timestampNanos, int linkType, byte[] source, int sourceOffset, int capturedLength,
            int originalLength) {
        if (capturedLength < 0 || originalLength < capturedLength) {
            throw new IllegalArgumentException("captured " + capturedLength + ", original " + originalLength);
        }
        ensureFrameCapacity(size + 1);
        ensureDataCapacity((long) dataLength + capturedLength);
        System.arraycopy(source, sourceOffset, data, dataLength, capturedLength);
        offsets[size] = dataLength;
        dataLength += capturedLength;
        offsets[size + 1] = dataLength;
        timestamps[size] = timestampNanos;
        originalLengths[size] = originalLength;
        linkTypes[size] = (short) linkType;
        return ++size;
    }

    public int append(RawFrame frame) {
        byte[] bytes = frame.bytes();
        return append(frame.timestampNanos(), frame.linkType(), bytes, 0, bytes.length, frame.originalLength());
    }

    public int size() {
        return size;
    }

    public long timestampNanos(int index) {
        check(index);
        return timestamps[index];
    }

    public int linkType(int index) {
        check(index);
        return linkTypes[index] & 0xffff;
    }

    public int capturedLength(int index) {
        check(index);
        return offsets[index + 1] - offsets[index];
    }

    public int originalLength(int index) {
        check(index);
        return originalLengths[index];
    }

    /** Where frame {@code index} starts in {@link #buffer()}. */
    public int offset(int index) {
        check(index);
        return offsets[index];
    }

    /**
     * The shared array holding every frame's bytes, for decoders that read in place. Never write to
     * it; the array may be replaced by a larger one when frames are appended.
     */
    public byte[] buffer() {
        return data;
    }

    /** A copy of one frame. */
    public RawFrame frame(int index) {
        check(index);
        byte[] bytes = Arrays.copyOfRange(data, offsets[index], offsets[index + 1]);
        return new RawFrame(index + 1, timestamps[index], linkType(index), bytes, originalLengths[index]);
    }

    /** Heap bytes held by this store, for the memory benchmark. */
    public long retainedBytes() {
        return data.length + 4L * offsets.length + 8L * timestamps.length + 4L * originalLengths.length
                + 2L * linkTypes.length;
    }

    /** Releases the spare capacity once no more frames will be appended. */
    public void trimToSize() {
        data = Arrays.copyOf(data, dataLength);
        offsets = Arrays.copyOf(offsets, size + 1);
        timestamps = Arrays.copyOf(timestamps, size);
        originalLengths = Arrays.copyOf(originalLengths, size);
        linkTypes = Arrays.copyOf(linkTypes, size);
    }

    private void check(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("frame index " + index + " outside 0.." + (size - 1));
        }
    }

    private void ensureFrameCapacity(int frames) {
        if (frames < timestamps.length) {
            return;
        }
        int grown = Math.max(frames, timestamps.length + (timestamps.length >> 1));
        offsets = Arrays.copyOf(offsets, grown + 1);
        timestamps = Arrays.copyOf(timestamps, grown);
        originalLengths = Arrays.copyOf(originalLengths, grown);
        linkTypes = Arrays.copyOf(linkTypes, grown);
    }

    private void ensureDataCapacity(long bytes) {
        if (bytes <= data.length) {
            return;
        }
        if (bytes > Integer.MAX_VALUE - 16) {
            throw new IllegalStateException("a FrameStore holds at most 2 GiB of frame bytes");
        }
        long grown = Math.max(bytes, Math.min(Integer.MAX_VALUE - 16, (long) data.length + (data.length >> 1)));
        data = Arrays.copyOf(data, (int) grown);
    }
}

package org.wirelab.core.frame;

import java.util.Arrays;

/**
 * An append-only, compact store of raw frames: the frames' bytes in a few large shared arrays (chunks)
 * and a few primitive columns, so a million frames cost their own bytes plus about 18 bytes each and
 * no object. Frames are numbered from 1, as in Wireshark; index {@code i} in the accessors is
 * {@code number - 1}.
 *
 * <p>A Java array holds at most 2 GiB, and captures are larger than that: the bytes are kept in chunks
 * of at most {@value #MAX_CHUNK_BYTES} bytes, and a frame never straddles two chunks, so a decoder
 * still reads each frame in place from one array ({@link #buffer(int)} at {@link #offset(int)}).
 *
 * <p>Not thread-safe: one writer fills it (a file reader, a live capture, the simulator); readers may
 * look at frames {@code < size()} once the writer has handed the store over.
 */
public final class FrameStore {
    /** 256 MiB: large enough that few chunks exist, small enough that growing one copies little. */
    static final int MAX_CHUNK_BYTES = 1 << 28;

    private final int maxChunkBytes;

    private byte[][] chunks = new byte[1][];
    private int[] chunkFirstFrame = new int[1];   // index of the first frame in each chunk
    private int[] chunkLength = new int[1];       // bytes used in each chunk
    private int chunkCount = 1;
    private long expectedBytes;                   // what the creator expects in all, to size new chunks
    private long storedBytes;

    private int[] offsets;          // start of frame i in its chunk
    private long[] timestamps;      // nanoseconds since the Unix epoch
    private int[] originalLengths;
    private short[] linkTypes;
    private int size;

    public FrameStore() {
        this(1 << 16, 1024);
    }

    /** Presizes the store, e.g. from a file's length, to avoid copying while it grows. */
    public FrameStore(long expectedBytes, int expectedFrames) {
        this(expectedBytes, expectedFrames, MAX_CHUNK_BYTES);
    }

    /** With smaller chunks, so that tests cross chunk boundaries without gigabytes of frames. */
    FrameStore(long expectedBytes, int expectedFrames, int maxChunkBytes) {
        this.maxChunkBytes = maxChunkBytes;
        this.expectedBytes = Math.max(64, expectedBytes);
        chunks[0] = new byte[(int) Math.min(this.expectedBytes, maxChunkBytes)];
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
        int chunk = chunkFor(capturedLength);
        int at = chunkLength[chunk];
        System.arraycopy(source, sourceOffset, chunks[chunk], at, capturedLength);
        offsets[size] = at;
        chunkLength[chunk] = at + capturedLength;
        offsets[size + 1] = chunkLength[chunk];
        storedBytes += capturedLength;
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

    /** Captured bytes of every frame together; may exceed 2 GiB. */
    public long storedBytes() {
        return storedBytes;
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
        int chunk = chunkOf(index);
        int end = chunk + 1 < chunkCount && index + 1 == chunkFirstFrame[chunk + 1]
                ? chunkLength[chunk] : offsets[index + 1];
        return end - offsets[index];
    }

    public int originalLength(int index) {
        check(index);
        return originalLengths[index];
    }

    /** Where frame {@code index} starts in {@link #buffer(int)}. */
    public int offset(int index) {
        check(index);
        return offsets[index];
    }

    /**
     * The shared array holding frame {@code index}'s bytes (from {@link #offset(int)}, for
     * {@link #capturedLength(int)} bytes), for decoders that read in place. Never write to it; the
     * array may be replaced by a larger one when frames are appended.
     */
    public byte[] buffer(int index) {
        check(index);
        return chunks[chunkOf(index)];
    }

    /** A copy of one frame. */
    public RawFrame frame(int index) {
        check(index);
        int from = offsets[index];
        byte[] bytes = Arrays.copyOfRange(chunks[chunkOf(index)], from, from + capturedLength(index));
        return new RawFrame(index + 1, timestamps[index], linkType(index), bytes, originalLengths[index]);
    }

    /** Heap bytes held by this store, for the memory benchmark. */
    public long retainedBytes() {
        long bytes = 4L * offsets.length + 8L * timestamps.length + 4L * originalLengths.length
                + 2L * linkTypes.length;
        for (int c = 0; c < chunkCount; c++) {
            bytes += chunks[c].length;
        }
        return bytes;
    }

    /** Releases the spare capacity once no more frames will be appended. */
    public void trimToSize() {
        int last = chunkCount - 1;
        chunks[last] = Arrays.copyOf(chunks[last], chunkLength[last]);
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

    /** The chunk holding frame {@code index}: almost always the only one. */
    private int chunkOf(int index) {
        if (chunkCount == 1) {
            return 0;
        }
        int found = Arrays.binarySearch(chunkFirstFrame, 0, chunkCount, index);
        return found >= 0 ? found : -found - 2;
    }

    /** The chunk the next frame of {@code length} bytes goes into, grown or begun as needed. */
    private int chunkFor(int length) {
        int last = chunkCount - 1;
        long needed = (long) chunkLength[last] + length;
        if (needed <= chunks[last].length) {
            return last;
        }
        if (needed <= maxChunkBytes) {
            long grown = Math.max(needed, Math.min(maxChunkBytes, (long) chunks[last].length
                    + (chunks[last].length >> 1)));
            chunks[last] = Arrays.copyOf(chunks[last], (int) grown);
            return last;
        }
        if (length > maxChunkBytes) {
            throw new IllegalArgumentException("a frame of " + length + " bytes is larger than a chunk");
        }
        // The full chunk keeps its bytes (its spare tail is less than one frame); the next frames start
        // a new one, sized for what is still expected.
        if (chunkCount == chunks.length) {
            chunks = Arrays.copyOf(chunks, chunkCount * 2);
            chunkFirstFrame = Arrays.copyOf(chunkFirstFrame, chunkCount * 2);
            chunkLength = Arrays.copyOf(chunkLength, chunkCount * 2);
        }
        long stillExpected = Math.max(expectedBytes - storedBytes, 1 << 16);
        chunks[chunkCount] = new byte[(int) Math.max(length, Math.min(stillExpected, maxChunkBytes))];
        chunkFirstFrame[chunkCount] = size;
        chunkLength[chunkCount] = 0;
        return chunkCount++;
    }

    private void ensureFrameCapacity(int frames) {
        if (frames < timestamps.length) {
            return;
        }
        long grown = Math.max(frames, timestamps.length + (long) (timestamps.length >> 1));
        if (grown > Integer.MAX_VALUE - 16) {
            grown = Integer.MAX_VALUE - 16;
            if (frames > grown) {
                throw new IllegalStateException("a FrameStore holds at most " + grown + " frames");
            }
        }
        offsets = Arrays.copyOf(offsets, (int) grown + 1);
        timestamps = Arrays.copyOf(timestamps, (int) grown);
        originalLengths = Arrays.copyOf(originalLengths, (int) grown);
        linkTypes = Arrays.copyOf(linkTypes, (int) grown);
    }
}

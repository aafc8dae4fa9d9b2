package org.wirelab.core.frame;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.Arrays;

/**
 * An append-only, compact store of raw frames: a few primitive columns (22 bytes a frame, no object
 * per frame) and the frames' bytes in large chunks. Frames are numbered from 1, as in Wireshark;
 * index {@code i} in the accessors is {@code number - 1}.
 *
 * <p>The bytes live either on the heap ({@link #FrameStore()}: a live capture, a stream, the
 * simulator), in chunks of at most {@value #MAX_CHUNK_BYTES} bytes because a Java array holds at most
 * 2 GiB, or in the capture file itself, memory-mapped ({@link #mapped}), so that a file larger than
 * the heap can be opened. Either way a frame never straddles two chunks, so a decoder reads each frame
 * in place from one array ({@link #buffer(int)} at {@link #offset(int)}).
 *
 * <p>Not thread-safe for writing: one writer fills it (a file reader, a live capture, the simulator);
 * readers, on any threads, may look at frames {@code < size()} once the writer has handed it over.
 */
public final class FrameStore {
    /** 256 MiB: large enough that few chunks exist, small enough that growing one copies little. */
    static final int MAX_CHUNK_BYTES = 1 << 28;

    private final FrameChunks chunks;
    private final HeapChunks heap;       // the same as chunks when the bytes are on the heap, else null
    private final MappedChunks mapped;   // the same as chunks when the bytes stay in the file, else null
    private final int firstIndex;        // the file's index of this store's frame 0 (a segment of a file)

    private int[] chunkFirstFrame = new int[1];   // index of the first frame in each chunk
    private int chunkCount;
    private int lastChunkRead;                    // where the previous lookup found its frame
    private long storedBytes;

    private int[] offsets;          // start of frame i in its chunk
    private int[] lengths;          // captured bytes of frame i
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
        this(new HeapChunks(expectedBytes, maxChunkBytes), expectedFrames);
    }

    private FrameStore(FrameChunks chunks, int expectedFrames) {
        this(chunks, expectedFrames, 0);
    }

    private FrameStore(FrameChunks chunks, int expectedFrames, int firstIndex) {
        this.chunks = chunks;
        this.firstIndex = firstIndex;
        this.heap = chunks instanceof HeapChunks h ? h : null;
        this.mapped = chunks instanceof MappedChunks m ? m : null;
        allocateColumns(Math.max(16, expectedFrames));
    }

    /**
     * A store whose frames stay in the file open on {@code channel}, which is mapped now and may be
     * closed once the frames are appended with {@link #appendInFile}; only the columns and a few
     * windows of the file are kept on the heap.
     */
    public static FrameStore mapped(FileChannel channel, int expectedFrames) throws IOException {
        return mapped(channel, expectedFrames, MappedChunks.WINDOW_BYTES, MappedChunks.REGION_BYTES);
    }

    /** With small windows and regions, so that tests cross their boundaries with small files. */
    static FrameStore mapped(FileChannel channel, int expectedFrames, int windowBytes, int regionBytes)
            throws IOException {
        return new FrameStore(new MappedChunks(channel, windowBytes, regionBytes), expectedFrames);
    }

    /**
     * An empty store for frames of the same file as this mapped store, sharing its mapping: a file read
     * a segment at a time maps it once. On a heap store, an empty heap store.
     */
    public FrameStore emptyAlongside(int expectedFrames) {
        return emptyAlongside(expectedFrames, 0);
    }

    /**
     * As {@link #emptyAlongside(int)}, for the frames of the file that follow its first {@code firstIndex}
     * frames (the next segment of a file read a segment at a time): frame 0 of the new store is frame
     * {@code firstIndex + 1} of the file.
     */
    public FrameStore emptyAlongside(int expectedFrames, int firstIndex) {
        if (firstIndex < 0) {
            throw new IllegalArgumentException("first index " + firstIndex);
        }
        return new FrameStore(mapped != null ? new MappedChunks(mapped) : new HeapChunks(1 << 16, MAX_CHUNK_BYTES),
                expectedFrames, firstIndex);
    }

    /**
     * The file's index (frame number minus one) of this store's frame 0: 0 for a whole file, more for a
     * segment of one. Index {@code i} of the accessors is frame {@code firstIndex() + i + 1} of the file.
     */
    public int firstIndex() {
        return firstIndex;
    }

    /** Whether the frames' bytes stay in a mapped file rather than on the heap. */
    public boolean isMapped() {
        return mapped != null;
    }

    /** Appends a frame, copying its bytes, and returns its number (1-based). Not for a mapped store. */
    public int append(long timestampNanos, int linkType, byte[] source, int sourceOffset, int capturedLength,
            int originalLength) {
        if (heap == null) {
            throw new IllegalStateException("a mapped store takes frames with appendInFile");
        }
        checkLengths(capturedLength, originalLength);
        ensureFrameCapacity(size + 1);
        return added(heap.append(source, sourceOffset, capturedLength), timestampNanos, linkType, capturedLength,
                originalLength);
    }

    public int append(RawFrame frame) {
        byte[] bytes = frame.bytes();
        return append(frame.timestampNanos(), frame.linkType(), bytes, 0, bytes.length, frame.originalLength());
    }

    /**
     * Appends a frame of a mapped store whose bytes are at {@code filePosition} in the mapped file,
     * after the previous frame's, and returns its number (1-based).
     */
    public int appendInFile(long timestampNanos, int linkType, long filePosition, int capturedLength,
            int originalLength) {
        if (mapped == null) {
            throw new IllegalStateException("only a mapped store takes frames by file position");
        }
        checkLengths(capturedLength, originalLength);
        ensureFrameCapacity(size + 1);
        return added(mapped.append(filePosition, capturedLength), timestampNanos, linkType, capturedLength,
                originalLength);
    }

    private static void checkLengths(int capturedLength, int originalLength) {
        if (capturedLength < 0 || originalLength < capturedLength) {
            throw new IllegalArgumentException("captured " + capturedLength + ", original " + originalLength);
        }
    }

    /** Fills frame {@code size}'s columns, its bytes placed at {@code offset} in the last chunk. */
    private int added(int offset, long timestampNanos, int linkType, int capturedLength, int originalLength) {
        int chunk = chunks.last();
        if (chunk == chunkCount) {
            if (chunkCount == chunkFirstFrame.length) {
                chunkFirstFrame = Arrays.copyOf(chunkFirstFrame, chunkCount * 2);
            }
            chunkFirstFrame[chunkCount++] = size;
        }
        offsets[size] = offset;
        lengths[size] = capturedLength;
        timestamps[size] = timestampNanos;
        originalLengths[size] = originalLength;
        linkTypes[size] = (short) linkType;
        storedBytes += capturedLength;
        return ++size;
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
        return lengths[index];
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
     * {@link #capturedLength(int)} bytes), for decoders that read in place. Never write to it. The
     * array stays valid as long as it is held, but another call may return another array for the same
     * frame (a larger chunk while frames are appended, or a window of a mapped file copied again).
     */
    public byte[] buffer(int index) {
        check(index);
        return chunks.bytes(chunkOf(index));
    }

    /** A reader for one thread's pass over many frames, which reuses one array for a mapped file's windows. */
    public FrameReader reader() {
        return new FrameReader(this);
    }

    /** {@link #buffer(int)} through {@code reader}: its own array for a mapped file, the shared chunk otherwise. */
    byte[] buffer(int index, FrameReader reader) {
        check(index);
        int chunk = chunkOf(index);
        return mapped == null ? chunks.bytes(chunk) : reader.window(mapped, chunk);
    }

    /** A copy of one frame, numbered in the file ({@link #firstIndex()} + index + 1). */
    public RawFrame frame(int index) {
        check(index);
        int from = offsets[index];
        byte[] bytes = Arrays.copyOfRange(buffer(index), from, from + lengths[index]);
        return new RawFrame(firstIndex + index + 1, timestamps[index], linkType(index), bytes, originalLengths[index]);
    }

    /** Heap bytes held by this store, for the memory benchmark. */
    public long retainedBytes() {
        return 4L * offsets.length + 4L * lengths.length + 8L * timestamps.length + 4L * originalLengths.length
                + 2L * linkTypes.length + 4L * chunkFirstFrame.length + chunks.retainedBytes();
    }

    /** Makes room for {@code frames} frames in all, so that a reader who knows the count copies no column. */
    public void reserve(int frames) {
        if (frames > timestamps.length) {
            resizeColumns(frames);
        }
    }

    /** Releases the spare capacity once no more frames will be appended. */
    public void trimToSize() {
        chunks.trimToSize();
        resizeColumns(size);
    }

    private void check(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("frame index " + index + " outside 0.." + (size - 1));
        }
    }

    /** The chunk holding frame {@code index}: the one before it most often when frames are read in order. */
    private int chunkOf(int index) {
        if (chunkCount == 1) {
            return 0;
        }
        int c = lastChunkRead;   // another reader thread may have moved it: it is checked before use
        if (chunkFirstFrame[c] <= index && (c + 1 == chunkCount || index < chunkFirstFrame[c + 1])) {
            return c;
        }
        int found = Arrays.binarySearch(chunkFirstFrame, 0, chunkCount, index);
        c = found >= 0 ? found : -found - 2;
        lastChunkRead = c;
        return c;
    }

    private void ensureFrameCapacity(int frames) {
        if (frames <= timestamps.length) {
            return;
        }
        long grown = Math.max(frames, timestamps.length + (long) (timestamps.length >> 1));
        if (grown > Integer.MAX_VALUE - 16) {
            grown = Integer.MAX_VALUE - 16;
            if (frames > grown) {
                throw new IllegalStateException("a FrameStore holds at most " + grown + " frames");
            }
        }
        resizeColumns((int) grown);
    }

    private void allocateColumns(int frames) {
        offsets = new int[frames];
        lengths = new int[frames];
        timestamps = new long[frames];
        originalLengths = new int[frames];
        linkTypes = new short[frames];
    }

    private void resizeColumns(int frames) {
        offsets = Arrays.copyOf(offsets, frames);
        lengths = Arrays.copyOf(lengths, frames);
        timestamps = Arrays.copyOf(timestamps, frames);
        originalLengths = Arrays.copyOf(originalLengths, frames);
        linkTypes = Arrays.copyOf(linkTypes, frames);
    }
}

package org.wirelab.core.frame;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Arrays;

/**
 * Frame bytes left in the capture file, which is memory-mapped: the heap holds only a few windows of
 * it, so a file far larger than the heap can be opened. Consecutive frames are grouped in windows of
 * about {@link #WINDOW_BYTES} (record headers between them included); a window is copied into an array
 * when one of its frames is read and kept in a small cache, so decoders still read each frame in place
 * from one array, and reading the frames in order copies the file once.
 *
 * <p>The mapping stays valid once the file's channel is closed, and after the file is deleted or
 * replaced by a rename (as wirelab saves). A file cut short in place while mapped cannot be read
 * (the operating system faults the access); that is reported as an {@link UncheckedIOException}.
 */
final class MappedChunks implements FrameChunks {
    /** 256 KiB: a window holds many frames, and stays below G1's "humongous" size for a 2 GB heap. */
    static final int WINDOW_BYTES = 1 << 18;
    /** A mapped buffer is indexed by an int: the file is mapped in regions of 1 GiB. */
    static final int REGION_BYTES = 1 << 30;
    /** Windows kept on the heap (8 MiB), indexed by chunk number modulo this power of two. */
    private static final int CACHED = 32;

    private final MappedByteBuffer[] regions;
    private final int regionBytes;
    private final int windowBytes;
    private long[] start = new long[16];   // file position of each chunk's first frame
    private int[] span = new int[16];      // bytes from there to the end of its last frame
    private int count;
    private final Loaded[] cache = new Loaded[CACHED];

    /** A window copied to the heap; immutable, so a reader on another thread sees it whole. */
    private record Loaded(int chunk, byte[] bytes) {
    }

    MappedChunks(FileChannel channel, int windowBytes, int regionBytes) throws IOException {
        this.windowBytes = windowBytes;
        this.regionBytes = regionBytes;
        long size = channel.size();
        regions = new MappedByteBuffer[(int) ((size + regionBytes - 1) / regionBytes)];
        for (int r = 0; r < regions.length; r++) {
            long from = (long) r * regionBytes;
            regions[r] = channel.map(FileChannel.MapMode.READ_ONLY, from, Math.min(regionBytes, size - from));
        }
    }

    /** Chunks of the file {@code other} maps, sharing its mapping: the next segment of a file read in parts. */
    MappedChunks(MappedChunks other) {
        this.windowBytes = other.windowBytes;
        this.regionBytes = other.regionBytes;
        this.regions = other.regions;
    }

    /**
     * Records a frame whose bytes are at {@code position} in the file (after the previous frame's) and
     * returns where they start in chunk {@link #last()}.
     */
    int append(long position, int length) {
        int c = count - 1;
        if (c >= 0 && position >= start[c] + span[c] && position + length - start[c] <= windowBytes) {
            span[c] = (int) (position + length - start[c]);
            forget(c);
            return (int) (position - start[c]);
        }
        if (count == start.length) {
            start = Arrays.copyOf(start, count * 2);
            span = Arrays.copyOf(span, count * 2);
        }
        start[count] = position;
        span[count] = length;
        count++;
        return 0;
    }

    @Override
    public int last() {
        return count - 1;
    }

    @Override
    public byte[] bytes(int chunk) {
        Loaded loaded = cache[chunk & (CACHED - 1)];
        if (loaded != null && loaded.chunk == chunk) {
            return loaded.bytes;
        }
        byte[] bytes = new byte[span[chunk]];
        copy(start[chunk], bytes, bytes.length);
        cache[chunk & (CACHED - 1)] = new Loaded(chunk, bytes);
        return bytes;
    }

    /** Bytes of chunk {@code chunk}: from its first frame to the end of its last. */
    int span(int chunk) {
        return span[chunk];
    }

    /** The size of a window, which a chunk exceeds only when it holds one frame larger than that. */
    int windowBytes() {
        return windowBytes;
    }

    /**
     * Copies chunk {@code chunk}'s {@link #span} bytes to the start of {@code into}, which is at least
     * that long: a {@link FrameReader} reuses one array for every window, leaving the cache alone.
     */
    void copyWindow(int chunk, byte[] into) {
        copy(start[chunk], into, span[chunk]);
    }

    /** A window that grew after it was cached is copied again when next read. */
    private void forget(int chunk) {
        Loaded loaded = cache[chunk & (CACHED - 1)];
        if (loaded != null && loaded.chunk == chunk) {
            cache[chunk & (CACHED - 1)] = null;
        }
    }

    private void copy(long from, byte[] into, int length) {
        try {
            int done = 0;
            while (done < length) {
                long at = from + done;
                int region = (int) (at / regionBytes);
                int inRegion = (int) (at - (long) region * regionBytes);
                int n = Math.min(length - done, regionBytes - inRegion);
                regions[region].get(inRegion, into, done, n);
                done += n;
            }
        } catch (InternalError fault) {
            // The JVM's report of a SIGBUS in a mapped buffer: the file lost bytes after it was opened.
            throw new UncheckedIOException(new IOException("the capture file was cut short while it was open", fault));
        }
    }

    @Override
    public long retainedBytes() {
        long bytes = 12L * start.length;
        for (Loaded loaded : cache) {
            bytes += loaded == null ? 0 : loaded.bytes.length;
        }
        return bytes;
    }

    @Override
    public void trimToSize() {
        start = Arrays.copyOf(start, Math.max(1, count));
        span = Arrays.copyOf(span, Math.max(1, count));
    }
}

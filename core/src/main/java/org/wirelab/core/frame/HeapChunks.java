package org.wirelab.core.frame;

import java.util.Arrays;

/**
 * Frame bytes copied onto the heap, in chunks of at most {@code maxChunkBytes}: what a live capture,
 * a stream and the simulator append. A frame never straddles two chunks, so it is read in place from
 * one array.
 */
final class HeapChunks implements FrameChunks {
    private final int maxChunkBytes;
    private final long expectedBytes;     // what the creator expects in all, to size new chunks
    private long storedBytes;
    private byte[][] chunks = new byte[1][];
    private int[] used = new int[1];      // bytes used in each chunk
    private int count = 1;

    HeapChunks(long expectedBytes, int maxChunkBytes) {
        this.maxChunkBytes = maxChunkBytes;
        this.expectedBytes = Math.max(64, expectedBytes);
        chunks[0] = new byte[(int) Math.min(this.expectedBytes, maxChunkBytes)];
    }

    /** Copies a frame's bytes after the last frame and returns where they start in chunk {@link #last()}. */
    int append(byte[] source, int sourceOffset, int length) {
        int chunk = chunkFor(length);
        int at = used[chunk];
        System.arraycopy(source, sourceOffset, chunks[chunk], at, length);
        used[chunk] = at + length;
        storedBytes += length;
        return at;
    }

    @Override
    public int last() {
        return count - 1;
    }

    @Override
    public byte[] bytes(int chunk) {
        return chunks[chunk];
    }

    @Override
    public long retainedBytes() {
        long bytes = 0;
        for (int c = 0; c < count; c++) {
            bytes += chunks[c].length;
        }
        return bytes;
    }

    @Override
    public void trimToSize() {
        int last = count - 1;
        chunks[last] = Arrays.copyOf(chunks[last], used[last]);
    }

    /** The chunk the next frame of {@code length} bytes goes into, grown or begun as needed. */
    private int chunkFor(int length) {
        int last = count - 1;
        long needed = (long) used[last] + length;
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
        if (count == chunks.length) {
            chunks = Arrays.copyOf(chunks, count * 2);
            used = Arrays.copyOf(used, count * 2);
        }
        long stillExpected = Math.max(expectedBytes - storedBytes, 1 << 16);
        chunks[count] = new byte[(int) Math.max(length, Math.min(stillExpected, maxChunkBytes))];
        used[count] = 0;
        return count++;
    }
}

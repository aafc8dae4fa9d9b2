package org.wirelab.core.frame;

/**
 * One thread's reader of a {@link FrameStore}'s frames, for a pass over many of them (decoding every
 * frame, writing a ladder's labels). It answers as {@link FrameStore#buffer(int)} does, but a mapped file's
 * windows are copied into one array that it owns and reuses, instead of a new array each: a pass over a
 * large file then allocates nothing per window, so that the collector has nothing to clear or copy, and
 * it leaves the store's shared window cache to the views that read frames here and there.
 *
 * <p>The array {@link #buffer} returns is valid only until the next call: hold one frame at a time. Not
 * thread-safe: one reader per thread.
 */
public final class FrameReader {
    private final FrameStore frames;
    private byte[] window = new byte[0];
    private int chunk = -1;        // the chunk whose bytes are in window, -1 for none
    private int copiedBytes;       // how many of its bytes: a chunk still being appended to may have grown since

    FrameReader(FrameStore frames) {
        this.frames = frames;
    }

    /**
     * The array holding frame {@code index}'s bytes, from {@link FrameStore#offset(int)} for
     * {@link FrameStore#capturedLength(int)} bytes; valid until the next call. Never write to it.
     */
    public byte[] buffer(int index) {
        return frames.buffer(index, this);
    }

    /** Chunk {@code c} of {@code mapped}, copied into this reader's array unless it is there already. */
    byte[] window(MappedChunks mapped, int c) {
        int span = mapped.span(c);
        if (c != chunk || span != copiedBytes) {
            if (window.length < span) {
                window = new byte[Math.max(span, mapped.windowBytes())];
            }
            mapped.copyWindow(c, window);
            chunk = c;
            copiedBytes = span;
        }
        return window;
    }
}

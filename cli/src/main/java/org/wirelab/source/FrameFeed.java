package org.wirelab.source;

import org.wirelab.core.frame.FrameStore;

/**
 * Where a {@link FrameSource} delivers its frames, from the source's own thread. Thread-safe.
 */
public interface FrameFeed {

    /** One frame; the array is only valid during the call (it is copied). */
    void frame(long timestampNanos, int linkType, byte[] bytes, int offset, int capturedLength, int originalLength);

    /** Every frame of {@code frames} at once (a file read whole); the feed takes ownership of the store. */
    void frames(FrameStore frames);

    /**
     * The first frames of a source that will deliver them again with all the others through
     * {@link #frames(FrameStore)} (a long file): shown at once, so the person sees the start of the
     * capture while the rest is read and analysed. The feed takes ownership of the store.
     */
    void beginning(FrameStore firstFrames);

    /**
     * Frame {@code frameNumber} (1-based) never reached its receiver, though it was captured leaving:
     * only a simulator knows this. Its arrow says so and its receiver's TCP state does not move.
     */
    void lost(int frameNumber);

    /** Something the person must know: damage in a file, a capture that could not run. */
    void warn(String message);

    /**
     * How many frames the source has read so far, before it delivers them (a long file read whole, then
     * delivered): the count a person sees move while it loads.
     */
    default void counted(int framesRead) {
    }

    /** How far a source of known size is, from 0 to 1. */
    void progress(double fraction);

    /** True once the person cancelled: the source should stop soon. */
    boolean cancelled();
}

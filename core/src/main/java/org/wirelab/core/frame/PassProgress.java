package org.wirelab.core.frame;

/**
 * Told how far a long pass over a capture's frames has gone, so that a window showing a million-frame
 * file can say so while the pass runs (each pass takes seconds there on a busy machine). A pass tells it
 * on its own thread, every {@link #STRIDE} frames or so; it may throw an unchecked exception to stop the
 * pass (a person who cancelled the loading), which the pass lets through and leaves nothing half made.
 */
@FunctionalInterface
public interface PassProgress {
    /** Told for nothing: the passes' callers that show no progress. */
    PassProgress NONE = (done, total) -> { };

    /**
     * Frames between two calls: a pass makes a few million frames a second on a quiet core, so a stride
     * takes a few milliseconds there and still well under a tenth of a second on a core shared thirty ways.
     */
    int STRIDE = 1 << 13;

    /** {@code done} of the pass's {@code total} steps (frames, or state changes for some passes) are made. */
    void reached(int done, int total);

    /**
     * This progress told by a part of a longer pass: the part's step {@code done} is step
     * {@code before + done} of the whole pass's {@code whole} steps.
     */
    default PassProgress within(int before, int whole) {
        return (done, total) -> reached(before + done, whole);
    }

    /** Calls {@link #reached} when step {@code i} of {@code total} starts a new stride: the passes' one-liner. */
    default void at(int i, int total) {
        if ((i & (STRIDE - 1)) == 0) {
            reached(i, total);
        }
    }
}

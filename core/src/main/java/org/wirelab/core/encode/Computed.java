package org.wirelab.core.encode;

/**
 * The marker for a length, checksum or type field that {@link FrameEncoder} fills in from the rest of
 * the frame. Any other value in such a field is written verbatim, which is how a decoded frame
 * re-encodes to its exact bytes and how a lesson shows a deliberately wrong checksum.
 */
public final class Computed {
    /** Put this in a length, checksum or next-protocol field to have the encoder compute it. */
    public static final int VALUE = -1;

    private Computed() {
    }

    public static boolean isComputed(int field) {
        return field == VALUE;
    }
}

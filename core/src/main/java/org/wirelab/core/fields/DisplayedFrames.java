package org.wirelab.core.fields;

import org.wirelab.core.analysis.CaptureAnalysis;

/**
 * Which frames are shown, for frame.time_delta_displayed: until a display filter chooses them every frame
 * is; then the time counts from the last frame shown (Wireshark's previous displayed frame), and is 0 until
 * one has been shown, as in tshark.
 */
final class DisplayedFrames {
    private static final long EVERY_FRAME = Long.MIN_VALUE;
    private static final long NONE_DISPLAYED = Long.MIN_VALUE + 1;

    private final CaptureAnalysis analysis;
    /** The time of the last frame shown, or one of the two markers above. */
    private long lastDisplayedNanos = EVERY_FRAME;

    DisplayedFrames(CaptureAnalysis analysis) {
        this.analysis = analysis;
    }

    /** From now on, only the frames said {@link #displayed} are shown. */
    void selectedOnly() {
        if (lastDisplayedNanos == EVERY_FRAME) {
            lastDisplayedNanos = NONE_DISPLAYED;
        }
    }

    /** Frame {@code i} is shown, when a display filter chooses the frames shown. */
    void displayed(int i) {
        if (lastDisplayedNanos != EVERY_FRAME) {
            lastDisplayedNanos = analysis.frames().timestampNanos(i);
        }
    }

    /** Continues from the part of the file before this one: its last frame shown. */
    void continueFrom(DisplayedFrames previous) {
        lastDisplayedNanos = previous.lastDisplayedNanos;
    }

    /** Frame {@code i}'s time since the previous frame shown. */
    long sinceDisplayedNanos(int i) {
        long time = analysis.frames().timestampNanos(i);
        if (lastDisplayedNanos == EVERY_FRAME) {
            return time - analysis.times().previousFrameNanos(i);
        }
        return lastDisplayedNanos == NONE_DISPLAYED ? 0 : time - lastDisplayedNanos;
    }
}

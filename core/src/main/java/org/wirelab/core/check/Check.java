package org.wirelab.core.check;

import java.util.List;

/**
 * One check of a lab step and its outcome, in the reader's language: a short {@code title} (what was
 * checked), a {@code detail} saying what the capture shows and, when it failed, why, and the frame
 * numbers (from 1) the detail is about, so that a view can select them.
 */
public record Check(String id, boolean passed, String title, String detail, List<Integer> frames) {

    public Check {
        frames = List.copyOf(frames);
    }
}

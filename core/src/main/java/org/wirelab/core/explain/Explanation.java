package org.wirelab.core.explain;

import java.util.List;

/** What one frame does, in one to three sentences a first-year student understands. */
public record Explanation(int frameNumber, List<String> sentences) {

    public Explanation {
        sentences = List.copyOf(sentences);
    }

    /** The sentences as one paragraph. */
    public String text() {
        return String.join(" ", sentences);
    }
}

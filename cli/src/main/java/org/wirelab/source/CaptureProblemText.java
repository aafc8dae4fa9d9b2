package org.wirelab.source;

import java.util.Locale;
import org.wirelab.capture.live.CaptureProblem;

/**
 * Why live capture is impossible, said in the window's language: one short sentence per kind of
 * problem for menus and notices. The capture module's own message, with the exact commands that fix
 * it, stays the details a user opens to copy them.
 */
public final class CaptureProblemText {
    private CaptureProblemText() {
    }

    /** "libpcap is not installed (sudo apt-get install libpcap0.8)", in {@code language}. */
    public static String summary(CaptureProblem problem, Locale language) {
        return SourceWords.in(language).get("capture.problem." + problem.kind().name());
    }

    /** "Live capture is impossible here: " and the {@link #summary}, in {@code language}. */
    public static String impossible(CaptureProblem problem, Locale language) {
        return SourceWords.in(language).get("live.impossible", summary(problem, language));
    }
}

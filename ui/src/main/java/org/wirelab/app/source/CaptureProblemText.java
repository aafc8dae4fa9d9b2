package org.wirelab.app.source;

import org.wirelab.app.i18n.Messages;
import org.wirelab.capture.live.CaptureProblem;

/**
 * Why live capture is impossible, said in the window's language: one short sentence per kind of
 * problem for menus and notices. The capture module's own message, with the exact commands that fix
 * it, stays the details a user opens to copy them.
 */
public final class CaptureProblemText {
    private CaptureProblemText() {
    }

    /** "libpcap is not installed (sudo apt-get install libpcap0.8)", in the window's language. */
    public static String summary(CaptureProblem problem, Messages messages) {
        return messages.get("capture.problem." + problem.kind().name());
    }
}

package org.wirelab.core.scenario;

import java.time.Duration;

/**
 * What the server of a half close sends after the client's FIN ({@link Service#LINES_AFTER_FIN}): a few
 * lines, spaced out, as samples/make/reference_peer.py's half-close-server does in the real Linux capture
 * samples/reference/half-close, so that the live program, the simulator and that capture agree byte for byte.
 */
public final class HalfCloseLines {
    /** How many lines the server sends after the client's FIN. */
    public static final int COUNT = 3;
    /** The time between two lines, and between the last line and the server's close(). */
    public static final Duration GAP = Duration.ofMillis(50);

    private HalfCloseLines() {
    }

    /** Line {@code number} (from 1), newline included: {@code line 1 after your FIN\n}. */
    public static String line(int number) {
        return "line " + number + " after your FIN\n";
    }

    /** Every line, in order: what the client reads before the end of the stream. */
    public static String all() {
        StringBuilder lines = new StringBuilder();
        for (int number = 1; number <= COUNT; number++) {
            lines.append(line(number));
        }
        return lines.toString();
    }
}

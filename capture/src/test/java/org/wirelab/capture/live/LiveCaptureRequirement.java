package org.wirelab.capture.live;

import org.wirelab.core.testing.Environment;

/** Skips a live-capture test with the reason capture is impossible here (or fails it in CI). */
public final class LiveCaptureRequirement {
    private LiveCaptureRequirement() {
    }

    public static void require() {
        CaptureAvailability.check().ifPresent(problem -> Environment.missing(problem.message()));
    }
}

package org.wirelab.capture.live;

import java.util.Optional;

/**
 * Tells, before anything starts, whether a live capture can run here: libpcap loads and the
 * interface opens. libpcap answers version and device queries without any privilege, so only
 * opening a handle tells whether capturing is allowed; this opens one and closes it at once.
 */
public final class CaptureAvailability {
    private CaptureAvailability() {
    }

    /** Empty when capturing on {@code interfaceName} works; otherwise what is missing and how to fix it. */
    public static Optional<CaptureProblem> check(String interfaceName) {
        try {
            Handles.open(CaptureSettings.of(interfaceName, ""), "").close();
            return Optional.empty();
        } catch (CaptureUnavailableException e) {
            return Optional.of(e.problem());
        }
    }

    /** {@link #check(String)} on the loopback interface, where the lab runs. */
    public static Optional<CaptureProblem> check() {
        return check(CaptureSettings.LOOPBACK);
    }
}

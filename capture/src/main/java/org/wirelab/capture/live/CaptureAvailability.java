package org.wirelab.capture.live;

import java.util.Optional;

/**
 * Tells, before anything starts, whether a live capture can run here, and how: libpcap in this
 * process where it may open the interface (root, or CAP_NET_RAW), else Wireshark's dumpcap where this
 * user may run it with its capture capability. libpcap answers version and device queries without
 * any privilege, so only opening a handle tells whether capturing is allowed; this opens one and
 * closes it at once, then asks dumpcap to open the interface when libpcap was refused.
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
            if (e.problem().kind() != CaptureProblem.Kind.NO_PRIVILEGE) {
                return Optional.of(e.problem());
            }
            DumpcapStatus dumpcap = Dumpcap.check(interfaceName);
            return dumpcap.isUsable() ? Optional.empty() : Optional.of(refusal(interfaceName, dumpcap));
        }
    }

    /** {@link #check(String)} on the loopback interface, where the lab runs. */
    public static Optional<CaptureProblem> check() {
        return check(CaptureSettings.LOOPBACK);
    }

    /**
     * Opens a frame source on the interface with {@code filter} set: libpcap in this process, or, when
     * libpcap is refused the privilege, a dumpcap that may capture.
     */
    static FrameTap openTap(CaptureSettings settings, String filter) throws CaptureUnavailableException, java.io.IOException {
        try {
            return LibpcapTap.open(settings, filter);
        } catch (CaptureUnavailableException e) {
            if (e.problem().kind() != CaptureProblem.Kind.NO_PRIVILEGE) {
                throw e;
            }
            DumpcapStatus dumpcap = Dumpcap.check(settings.interfaceName());
            if (!dumpcap.isUsable()) {
                throw new CaptureUnavailableException(refusal(settings.interfaceName(), dumpcap), e);
            }
            return DumpcapTap.open(dumpcap, settings, filter);
        }
    }

    /** libpcap was refused and so was dumpcap: no privilege, unless dumpcap could tell the interface does not exist. */
    private static CaptureProblem refusal(String interfaceName, DumpcapStatus dumpcap) {
        if (dumpcap.detail().contains("No such device")) {
            return CaptureProblem.noSuchInterface(interfaceName, "");
        }
        return CaptureProblem.noPrivilege(interfaceName, dumpcap);
    }
}

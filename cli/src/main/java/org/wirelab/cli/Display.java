package org.wirelab.cli;

import java.util.Map;
import java.util.Optional;

/**
 * Whether a window can open here. On Linux a window needs an X11 or Wayland session; JavaFX would
 * otherwise stop with a native stack trace, so the command line asks first and says it in one line.
 */
public final class Display {
    private Display() {
    }

    /** Why no window can open in this environment, or empty when one can. */
    public static Optional<String> whyUnavailable() {
        return whyUnavailable(System.getProperty("os.name", ""), System.getenv(), System.getProperty("glass.platform"));
    }

    static Optional<String> whyUnavailable(String osName, Map<String, String> environment, String glassPlatform) {
        boolean unixDesktop = osName.startsWith("Linux") || osName.contains("BSD");
        // Monocle renders into memory: it needs no display (the UI tests and screenshots use it).
        if (!unixDesktop || "Monocle".equalsIgnoreCase(glassPlatform)) {
            return Optional.empty();
        }
        if (isSet(environment.get("DISPLAY")) || isSet(environment.get("WAYLAND_DISPLAY"))) {
            return Optional.empty();
        }
        return Optional.of("no display (neither DISPLAY nor WAYLAND_DISPLAY is set)");
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}

package org.wirelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DisplayTest {

    @Test
    void linuxNeedsAnX11OrWaylandSession() {
        assertEquals(Optional.of("no display (neither DISPLAY nor WAYLAND_DISPLAY is set)"),
                Display.whyUnavailable("Linux", Map.of(), null));
        assertTrue(Display.whyUnavailable("Linux", Map.of("DISPLAY", ":0"), null).isEmpty());
        assertTrue(Display.whyUnavailable("Linux", Map.of("WAYLAND_DISPLAY", "wayland-0"), null).isEmpty());
        assertTrue(Display.whyUnavailable("Linux", Map.of(), "Monocle").isEmpty(), "Monocle draws in memory");
        assertTrue(Display.whyUnavailable("Mac OS X", Map.of(), null).isEmpty());
    }
}

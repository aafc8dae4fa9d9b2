package org.wirelab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.wirelab.cli.DesktopApp;

/** The command line finds this app through its service file, as the runnable jar does. */
class WirelabDesktopAppTest {

    @Test
    void theCommandLineFindsTheAppWhereAWindowCanOpen() {
        // The tests run under Monocle, where a window can always open.
        DesktopApp.Availability desktop = DesktopApp.find();
        assertEquals(Optional.empty(), desktop.whyNot());
        assertTrue(desktop.app().isPresent());
        assertInstanceOf(WirelabDesktopApp.class, desktop.app().get());
    }
}

package org.wirelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MainTest {

    @Test
    void helpListsTheCommandsAndExitsZero() {
        CliRun run = CliRun.of("--help");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().startsWith("Usage: wirelab"), run.out());
        assertEquals("", run.err());
    }

    @Test
    void versionNamesTheBuiltVersion() {
        CliRun run = CliRun.of("--version");
        assertEquals(0, run.exitCode());
        // The version comes from the pom through resource filtering: an unfiltered placeholder would show.
        assertTrue(run.out().matches("(?s)wirelab \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\R.*"), run.out());
    }

    @Test
    void anUnknownOptionIsOneLineAndExitCodeTwo() {
        CliRun run = CliRun.of("--frobnicate");
        assertEquals(ErrorReporter.USAGE_ERROR, run.exitCode());
        assertEquals(1, run.errLines().size(), run.err());
        assertTrue(run.err().startsWith("wirelab: Unknown option: '--frobnicate'"), run.err());
        assertEquals("", run.out());
    }
}

package org.wirelab.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small share of the command fuzz in every build (bench/fuzz-commands.sh runs millions of frames):
 * mutated frames of every sample and corpus file through the readers, every decoder, the analysis,
 * the explanations and every command, with no exception, no internal error and no hang.
 */
class CommandFuzzTest {
    @TempDir
    Path directory;

    @Test
    void mutatedCapturesNeverBreakACommand() throws IOException {
        CommandFuzz.Report report = new CommandFuzz(20261207, directory, 60).run(6_000, 3_000, (frames, failures) -> { });
        assertEquals(List.of(), report.failures(), report.summary());
        assertEquals(6_000, report.frames());
        assertTrue(report.commandRuns() >= 2 * 10, "ten commands or more on each of the two files: " + report.summary());
    }
}

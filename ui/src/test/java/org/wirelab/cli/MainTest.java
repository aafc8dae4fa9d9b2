package org.wirelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MainTest {

    @Test
    void helpListsTheCommandsAndExitsZero() {
        CliRun run = CliRun.of("--help");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().startsWith("Usage: wirelab"), run.out());
        assertEquals("", run.err());
    }

    /** picocli reads help texts as format strings: a bare % (in "10%") prints a warning instead of the text. */
    @Test
    void everyCommandsHelpPrintsCleanly() {
        PrintStream systemErr = System.err;
        ByteArrayOutputStream warnings = new ByteArrayOutputStream();
        System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
        try {
            for (List<String> command : commands(Main.commandLine(), new ArrayList<>())) {
                List<String> arguments = new ArrayList<>(command);
                arguments.add("--help");
                CliRun run = CliRun.of(arguments.toArray(String[]::new));
                assertEquals(0, run.exitCode(), command + ": " + run.err());
                assertTrue(run.out().startsWith("Usage: wirelab"), command + ": " + run.out());
            }
        } finally {
            System.setErr(systemErr);
        }
        assertEquals("", warnings.toString(StandardCharsets.UTF_8));
    }

    private static List<List<String>> commands(CommandLine parent, List<String> path) {
        List<List<String>> all = new ArrayList<>();
        for (var entry : parent.getSubcommands().entrySet()) {
            if (entry.getValue().getCommandSpec().userObject() instanceof CommandLine.HelpCommand) {
                continue;
            }
            List<String> command = new ArrayList<>(path);
            command.add(entry.getKey());
            all.add(command);
            all.addAll(commands(entry.getValue(), command));
        }
        return all;
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

package org.wirelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
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

    /** Main builds only the command it is given: its name must be the one the command declares. */
    @Test
    void eachSubcommandIsRegisteredUnderItsOwnName() {
        Main.SUBCOMMANDS.forEach(name -> assertEquals(name, new CommandLine(Main.subcommand(name)).getCommandName()));
        assertEquals(Main.SUBCOMMANDS, List.copyOf(Main.commandLine().getSubcommands().keySet()));
    }

    /** A command line built for one command parses, helps and fails as the whole tree does. */
    @Test
    void theOneCommandLineAnswersAsTheWholeTree() {
        for (String name : Main.SUBCOMMANDS) {
            for (String[] args : List.of(new String[] {name, "--help"}, new String[] {name, "--frobnicate"})) {
                assertAnsweredAsByTheWholeTree(args);
            }
        }
    }

    /**
     * `wirelab FILE` builds the root command alone (the app's start waits for it) and answers as the whole
     * tree does; a word that is neither a command nor a file still hears the commands' names. (The file
     * printed through main, in a child JVM: aFileWithoutADisplayIsOneLineAndItsLadder.)
     */
    @Test
    void aFileToOpenNeedsNoOtherCommandAndIsAnsweredAsByTheWholeTree() {
        String hello = org.wirelab.core.testing.Environment.samples().resolve("tcp-hello.pcap").toString();
        assertTrue(Main.commandLineFor(new String[] {hello}).getSubcommands().isEmpty());
        assertTrue(Main.commandLineFor(new String[] {"missing.pcap"}).getSubcommands().isEmpty());
        assertEquals(Main.SUBCOMMANDS.size(), Main.commandLineFor(new String[] {"shwo"}).getSubcommands().size(),
                "a mistyped command still hears which commands exist");
        for (String[] args : List.of(new String[] {"shwo"}, new String[] {hello, "extra"},
                new String[] {hello, "--frobnicate"})) {
            assertAnsweredAsByTheWholeTree(args);
        }
    }

    /** The command line built for {@code args} prints and exits as the whole command tree would. */
    private static void assertAnsweredAsByTheWholeTree(String[] args) {
        StringWriter wholeOut = new StringWriter();
        StringWriter wholeErr = new StringWriter();
        CommandLine whole = Main.commandLine();
        whole.setOut(new PrintWriter(wholeOut, true));
        whole.setErr(new PrintWriter(wholeErr, true));
        int wholeExit = whole.execute(args);
        CliRun one = CliRun.of(args);
        String what = String.join(" ", args);
        assertEquals(wholeExit, one.exitCode(), what);
        assertEquals(wholeOut.toString(), one.out(), what);
        assertEquals(wholeErr.toString(), one.err(), what);
    }

    @Test
    void versionNamesTheBuiltVersion() {
        CliRun run = CliRun.of("--version");
        assertEquals(0, run.exitCode());
        // The version comes from the pom through resource filtering: an unfiltered placeholder would show.
        assertTrue(run.out().matches("(?s)wirelab \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\R.*"), run.out());
    }

    /** main answers --version alone without picocli: the same lines picocli prints, and nothing else is taken for it. */
    @Test
    void theVersionAnsweredWithoutPicocliIsPicoclis() {
        StringWriter direct = new StringWriter();
        Main.printVersion(new PrintWriter(direct, true));
        assertEquals(CliRun.of("--version").out(), direct.toString());
        assertEquals(CliRun.of("-V").out(), direct.toString());
        assertTrue(Main.isVersionQuestion(new String[] {"--version"}) && Main.isVersionQuestion(new String[] {"-V"}));
        for (String[] other : List.of(new String[] {"--version", "extra"}, new String[] {"show", "--version"},
                new String[] {"--versions"}, new String[0])) {
            assertFalse(Main.isVersionQuestion(other), String.join(" ", other));
        }
    }

    @Test
    void anUnknownOptionIsOneLineAndExitCodeTwo() {
        CliRun run = CliRun.of("--frobnicate");
        assertEquals(ErrorReporter.USAGE_ERROR, run.exitCode());
        assertEquals(1, run.errLines().size(), run.err());
        assertTrue(run.err().startsWith("wirelab: Unknown option: '--frobnicate'"), run.err());
        assertEquals("", run.out());
    }

    /**
     * {@code wirelab FILE} in a child JVM with no display (neither DISPLAY nor WAYLAND_DISPLAY, no Monocle):
     * one line says why no window opens, then the file's ladder exactly as {@code show} prints it.
     */
    @Test
    void aFileWithoutADisplayIsOneLineAndItsLadder() throws Exception {
        java.nio.file.Path file = org.wirelab.core.testing.Environment.samples().resolve("tcp-hello.pcap");
        ProcessBuilder child = new ProcessBuilder(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), file.toString());
        child.environment().remove("DISPLAY");
        child.environment().remove("WAYLAND_DISPLAY");
        Process process = child.start();
        java.util.concurrent.CompletableFuture<byte[]> err = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return process.getErrorStream().readAllBytes();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS));
        List<String> errLines = new String(err.get(), StandardCharsets.UTF_8).lines().toList();

        assertEquals(0, process.exitValue(), String.join("\n", errLines));
        assertEquals(List.of("wirelab: no display (neither DISPLAY nor WAYLAND_DISPLAY is set): the desktop app cannot open, "
                + "so here is " + file + " as a text diagram"), errLines);
        assertEquals(CliRun.of("show", file.toString()).out(), out, "the ladder as show prints it");
    }

    /**
     * {@code wirelab FILE} with a display but only the command line on the class path (this module's tests
     * run without the app): the app is looked for, not found, and the file's ladder is printed instead.
     */
    @Test
    void aFileWithADisplayButNoAppInTheBuildIsOneLineAndItsLadder(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path file = org.wirelab.core.testing.Environment.samples().resolve("tcp-hello.pcap");
        ProcessBuilder child = CliProcess.builder(List.of(), dir.resolve("out.txt"), file.toString());
        child.environment().put("DISPLAY", ":99");
        child.redirectError(dir.resolve("err.txt").toFile());
        Process process = child.start();
        assertTrue(process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS));

        List<String> errLines = java.nio.file.Files.readAllLines(dir.resolve("err.txt"));
        assertEquals(0, process.exitValue(), String.join("\n", errLines));
        assertEquals(List.of("wirelab: no desktop app in this build (the command line alone is on the class path): "
                + "the desktop app cannot open, so here is " + file + " as a text diagram"), errLines);
        assertEquals(CliRun.of("show", file.toString()).out(), java.nio.file.Files.readString(dir.resolve("out.txt")),
                "the ladder as show prints it");
    }

    @Test
    void aWordThatIsNeitherACommandNorAFileIsOneLine() {
        CliRun run = CliRun.of("shwo");
        assertEquals(ErrorReporter.INPUT_ERROR, run.exitCode());
        assertEquals(List.of("wirelab: 'shwo' is neither a command nor a capture file (wirelab --help lists the commands)"),
                run.errLines());
    }
}

package org.wirelab.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.wirelab.cli.capture.CaptureCommand;
import org.wirelab.cli.check.CheckCommand;
import org.wirelab.cli.quiz.QuizCommand;
import org.wirelab.cli.exercise.ExerciseCommand;
import org.wirelab.cli.compare.CompareCommand;
import org.wirelab.cli.export.ExportCommand;
import org.wirelab.cli.lab.LabCommand;
import org.wirelab.cli.simulate.SimulateCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The {@code wirelab} command line: reads capture files and shows them as a ladder diagram, an OSI
 * breakdown, tshark-style fields, followed streams and conversation tables. Every error is one line
 * on standard error and a non-zero exit code (see {@link ErrorReporter}).
 */
@Command(name = "wirelab",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Makes network protocols visible: reads a capture file and shows what happened on the wire.",
        footerHeading = "%nExit status:%n",
        footer = {"  0  success",
            "  1  bad input: missing file, not a capture, no such frame, unknown field",
            "  2  bad command line: unknown option, missing argument",
            "  3  internal error (a bug in wirelab), or out of memory (the message says what to do)"})
public final class Main implements Callable<Integer> {

    /**
     * The subcommands' names, in the order the help lists them. They are added to the command line here
     * rather than in the annotation so that a run builds only the one it was given: picocli reads every
     * option of every command it is given by reflection, which cost a short run a fifth of a CPU second
     * for the twenty-odd commands (the names are checked against the annotations by MainTest).
     */
    static final List<String> SUBCOMMANDS = List.of("show", "packets", "follow", "conversations", "capture", "check",
            "quiz", "exercise", "simulate", "compare", "lab", "export", "demo", "help");

    /**
     * A new command object for one of {@link #SUBCOMMANDS}. A switch rather than a table of constructor
     * references: each reference is a call site the JVM links at start, a tenth of a short run's CPU for
     * the fourteen of them, though a run uses one.
     */
    static Object subcommand(String name) {
        return switch (name) {
            case "show" -> new ShowCommand();
            case "packets" -> new PacketsCommand();
            case "follow" -> new FollowCommand();
            case "conversations" -> new ConversationsCommand();
            case "capture" -> new CaptureCommand();
            case "check" -> new CheckCommand();
            case "quiz" -> new QuizCommand();
            case "exercise" -> new ExerciseCommand();
            case "simulate" -> new SimulateCommand();
            case "compare" -> new CompareCommand();
            case "lab" -> new LabCommand();
            case "export" -> new ExportCommand();
            case "demo" -> new DemoCommand();
            case "help" -> new CommandLine.HelpCommand();
            default -> throw new IllegalArgumentException("no command " + name);
        };
    }

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "FILE",
            description = "a capture to open in the desktop app (without a display: its ladder as text, as `show` prints it)")
    private Path file;

    public static void main(String[] args) {
        if (isVersionQuestion(args)) {
            PrintWriter out = new StandardOutput(System.out);
            printVersion(out);
            out.flush();
            System.exit(0);
        }
        Optional<Integer> asSudoUser = SudoUser.relaunchIfStartedBySudo(args);
        if (asSudoUser.isPresent()) {
            System.exit(asSudoUser.get());
        }
        if (args.length == 0) {
            System.exit(openDesktopApp());
        }
        CommandLine commandLine = commandLineFor(args);
        PrintWriter out = new StandardOutput(System.out);
        commandLine.setOut(out);
        commandLine.setErr(new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
        OutOfMemory outOfMemory = OutOfMemory.forCommand(args[0], languageOf(args), System.err);
        outOfMemory.watchEveryThread();
        int exitCode;
        try {
            exitCode = commandLine.execute(args);
        } catch (OutOfMemoryError e) {
            outOfMemory.report();
            return;
        }
        out.flush();
        System.exit(exitCode);
    }

    /**
     * {@code wirelab --version} (or {@code -V}) alone: answered without picocli, whose root command is read
     * by reflection (a third of the CPU such a run took), and before sudo's relaunch, which it does not need.
     */
    static boolean isVersionQuestion(String[] args) {
        return args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"));
    }

    /** What picocli prints for --version: the version provider's lines. */
    static void printVersion(PrintWriter out) {
        try {
            for (String line : new VersionProvider().getVersion()) {
                out.println(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The language of a command's --lang option (English without one), read before picocli reads the
     * arguments: the out-of-memory line is made first, while there is memory to make it.
     */
    static Locale languageOf(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String value = args[i].startsWith("--lang=") ? args[i].substring("--lang=".length())
                    : args[i].equals("--lang") && i + 1 < args.length ? args[i + 1] : null;
            if (value != null) {
                return value.equalsIgnoreCase("fr") ? Locale.FRENCH : Locale.ENGLISH;
            }
        }
        return Locale.ENGLISH;
    }

    /**
     * Without arguments wirelab is the desktop app; without a display it says why in one line and lists
     * the commands, which work without one.
     */
    private static int openDesktopApp() {
        DesktopApp.Availability desktop = DesktopApp.find();
        if (desktop.app().isEmpty()) {
            System.err.println("wirelab: " + desktop.whyNot().orElseThrow() + ": the desktop app cannot open; the commands below work without one");
            commandLine().usage(System.out);
            return ErrorReporter.INPUT_ERROR;
        }
        desktop.app().get().open(Optional.empty());
        return 0;
    }

    /** The whole command tree with wirelab's error reporting; tests call {@code execute} on it in-process. */
    public static CommandLine commandLine() {
        return commandLine(Set.copyOf(SUBCOMMANDS));
    }

    /**
     * The command line {@code args} need: only the subcommand they name (or none for --version), which
     * parses and reports errors as the whole tree does; the whole tree for anything else (help, an
     * unknown command, whose error suggests the names that exist).
     */
    static CommandLine commandLineFor(String[] args) {
        String first = args.length == 0 ? "" : args[0];
        if (first.equals("--version") || first.equals("-V")) {
            return commandLine(Set.of());
        }
        if (SUBCOMMANDS.contains(first) && !first.equals("help")) {
            return commandLine(Set.of(first));
        }
        // `wirelab FILE`, as a teacher starts the app: the root command alone takes the file. Building every
        // command first (by reflection) held the window back by a third of a CPU second.
        if (namesACapture(first)) {
            return commandLine(Set.of());
        }
        return commandLine();
    }

    /** A word that is no command but a file, or a capture's name: never an option. */
    private static boolean namesACapture(String word) {
        if (word.isEmpty() || word.startsWith("-") || SUBCOMMANDS.contains(word)) {
            return false;
        }
        if (word.matches("(?i).*\\.(pcap|pcapng|cap)")) {
            return true;
        }
        try {
            return Files.isRegularFile(Path.of(word));
        } catch (java.nio.file.InvalidPathException notAPath) {
            return false;
        }
    }

    private static CommandLine commandLine(Set<String> names) {
        ErrorReporter errors = new ErrorReporter();
        CommandLine commandLine = new CommandLine(new Main());
        for (String name : SUBCOMMANDS) {
            if (names.contains(name)) {
                commandLine.addSubcommand(name, subcommand(name));
            }
        }
        // Set after the subcommands are added, so that they inherit the handlers.
        commandLine.setExecutionExceptionHandler(errors).setParameterExceptionHandler(errors);
        CommandLine packets = commandLine.getSubcommands().get("packets");
        if (packets != null) {
            PacketsCommand.listFieldsInHelp(packets);
        }
        return commandLine;
    }

    /**
     * {@code wirelab FILE}: the desktop app opened on the file; without a display, one line says so and the
     * file's ladder is printed as {@code show} prints it. With no file (tests only; {@link #main} opens the
     * app): says what wirelab can do.
     */
    @Override
    public Integer call() {
        CommandLine commandLine = spec.commandLine();
        if (file == null) {
            commandLine.usage(commandLine.getOut());
            return 0;
        }
        if (!Files.exists(file) && !file.toString().matches("(?i).*\\.(pcap|pcapng|cap)")) {
            throw new UserError("'" + file + "' is neither a command nor a capture file (wirelab --help lists the commands)");
        }
        DesktopApp.Availability desktop = DesktopApp.find();
        if (desktop.app().isPresent()) {
            desktop.app().get().open(Optional.of(file));
            return 0;
        }
        commandLine.getErr().println("wirelab: " + desktop.whyNot().orElseThrow() + ": the desktop app cannot open, so here is "
                + file + " as a text diagram");
        commandLine.getErr().flush();
        CommandLine show = commandLine();
        show.setOut(commandLine.getOut());
        show.setErr(commandLine.getErr());
        return show.execute("show", file.toString());
    }
}

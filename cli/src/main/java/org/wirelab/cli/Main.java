package org.wirelab.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
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
        subcommands = {ShowCommand.class, PacketsCommand.class, FollowCommand.class, ConversationsCommand.class,
            CaptureCommand.class, CheckCommand.class, QuizCommand.class, ExerciseCommand.class, SimulateCommand.class, CompareCommand.class, LabCommand.class, ExportCommand.class, DemoCommand.class,
            CommandLine.HelpCommand.class},
        footerHeading = "%nExit status:%n",
        footer = {"  0  success",
            "  1  bad input: missing file, not a capture, no such frame, unknown field",
            "  2  bad command line: unknown option, missing argument",
            "  3  internal error (a bug in wirelab), or out of memory (the message says what to do)"})
public final class Main implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "FILE",
            description = "a capture to open in the desktop app (without a display: its ladder as text, as `show` prints it)")
    private Path file;

    public static void main(String[] args) {
        Optional<Integer> asSudoUser = SudoUser.relaunchIfStartedBySudo(args);
        if (asSudoUser.isPresent()) {
            System.exit(asSudoUser.get());
        }
        if (args.length == 0) {
            System.exit(openDesktopApp());
        }
        CommandLine commandLine = commandLine();
        PrintWriter out = new StandardOutput(System.out);
        commandLine.setOut(out);
        commandLine.setErr(new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
        OutOfMemory outOfMemory = OutOfMemory.forCommand(args[0], System.err);
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
        ErrorReporter errors = new ErrorReporter();
        CommandLine commandLine = new CommandLine(new Main())
                .setExecutionExceptionHandler(errors)
                .setParameterExceptionHandler(errors);
        PacketsCommand.listFieldsInHelp(commandLine.getSubcommands().get("packets"));
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

package org.wirelab.cli;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.FileSystemException;
import org.wirelab.core.text.CaptureText;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns every failure into one line on standard error, {@code wirelab <command>: <what went wrong>},
 * and an exit code: a student should read what to fix, never a stack trace. Setting the environment
 * variable {@code WIRELAB_DEBUG=1} adds the stack trace of internal errors, for bug reports.
 */
final class ErrorReporter implements IExecutionExceptionHandler, IParameterExceptionHandler {
    static final int INPUT_ERROR = 1;
    static final int USAGE_ERROR = 2;
    static final int INTERNAL_ERROR = 3;

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        String help = command.getCommandSpec().qualifiedName() + " --help";
        command.getErr().println(prefix(command) + oneLine(e.getMessage()) + " (see '" + help + "')");
        return USAGE_ERROR;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine command, ParseResult parseResult) {
        if (e instanceof ParameterException parameterError) {
            return handleParseException(parameterError, parseResult.originalArgs().toArray(String[]::new));
        }
        if (e instanceof FilterError filterError) {
            command.getErr().println(prefix(command) + oneLine(filterError.getMessage()));
            command.getErr().println(filterError.pointer());
            return USAGE_ERROR;
        }
        String message = describeInputError(e);
        if (message != null) {
            command.getErr().println(prefix(command) + oneLine(message));
            return INPUT_ERROR;
        }
        command.getErr().println(prefix(command) + "internal error (a bug in wirelab, please report it): "
                + oneLine(String.valueOf(e)));
        if ("1".equals(System.getenv("WIRELAB_DEBUG"))) {
            e.printStackTrace(command.getErr());
        }
        return INTERNAL_ERROR;
    }

    /** The message for a failure caused by the input, or null when the failure is a bug of ours. */
    private static String describeInputError(Throwable e) {
        if (e instanceof UncheckedIOException unchecked) {
            e = unchecked.getCause();
        }
        if (e instanceof UserError) {
            return e.getMessage();
        }
        if (e instanceof NoSuchFileException || e instanceof FileNotFoundException) {
            return "no such file: " + ((e instanceof FileSystemException f) ? f.getFile() : e.getMessage());
        }
        if (e instanceof AccessDeniedException denied) {
            return "cannot read " + denied.getFile() + ": permission denied";
        }
        if (e instanceof FileSystemException fileError) {
            return "cannot read " + fileError.getFile() + ": " + fileError.getReason();
        }
        if (e instanceof IOException) {
            return e.getMessage() != null ? e.getMessage() : e.toString();
        }
        return null;
    }

    private static String prefix(CommandLine command) {
        return command.getCommandSpec().qualifiedName() + ": ";
    }

    /** On one line, and escaped as capture text is: a message may quote a file name or bytes from a capture. */
    private static String oneLine(String message) {
        return message == null ? "" : CaptureText.escape(message.strip().replaceAll("\\s*\\R\\s*", "; "));
    }
}

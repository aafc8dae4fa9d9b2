package org.wirelab.cli;

import java.io.PrintStream;
import java.util.Locale;
import org.wirelab.core.text.OutOfMemoryMessage;

/**
 * What wirelab says when the Java heap runs out, in any thread: one line saying what to do
 * ({@link OutOfMemoryMessage}, as the window says it), and exit status {@link ErrorReporter#INTERNAL_ERROR};
 * never a stack trace. The line is made before it is needed, since there may be no memory left to make it then.
 */
final class OutOfMemory {
    private final String line;
    private final PrintStream err;

    private OutOfMemory(String line, PrintStream err) {
        this.line = line;
        this.err = err;
    }

    /** For the command {@code wirelab <command>} in {@code language}, with the heap this JVM may grow to. */
    static OutOfMemory forCommand(String command, Locale language, PrintStream err) {
        return new OutOfMemory(OutOfMemoryMessage.forCommand(command, Runtime.getRuntime().maxMemory(), language), err);
    }

    /** Says so on standard error and ends the process with exit status 3. */
    void report() {
        err.println(line);
        err.flush();
        System.exit(ErrorReporter.INTERNAL_ERROR);
    }

    /** Reports an OutOfMemoryError that ends any thread of the process; other failures as Java does. */
    void watchEveryThread() {
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, failure) -> {
            if (failure instanceof OutOfMemoryError) {
                report();
            } else if (previous != null) {
                previous.uncaughtException(thread, failure);
            } else {
                thread.getThreadGroup().uncaughtException(thread, failure);
            }
        });
    }
}

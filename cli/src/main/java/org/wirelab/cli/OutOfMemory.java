package org.wirelab.cli;

import java.io.PrintStream;
import java.util.Locale;

/**
 * What wirelab says when the Java heap runs out, in any thread: one line saying what to do, and exit
 * status {@link ErrorReporter#INTERNAL_ERROR}; never a stack trace. The line is made before it is needed,
 * since there may be no memory left to make it then.
 */
final class OutOfMemory {
    private static final long MIB = 1024 * 1024;

    private final String line;
    private final PrintStream err;

    private OutOfMemory(String line, PrintStream err) {
        this.line = line;
        this.err = err;
    }

    /** For the command {@code wirelab <command>}, with the heap this JVM may grow to. */
    static OutOfMemory forCommand(String command, PrintStream err) {
        return new OutOfMemory(line(command, Runtime.getRuntime().maxMemory()), err);
    }

    /** The one line: what ran out, how to give Java more, and how to ask for less. */
    static String line(String command, long maxHeapBytes) {
        long maxMib = maxHeapBytes / MIB;
        long suggestedGib = Math.max(2, (2 * maxHeapBytes + 1023 * MIB) / (1024 * MIB));
        return String.format(Locale.ROOT, "wirelab %s: out of memory: the Java heap (at most %d MB) is full."
                + " Give Java more (JAVA_TOOL_OPTIONS=-Xmx%dg ./wirelab %s ...), or ask for less: a smaller capture"
                + " or range of frames (editcap -r FILE PART.pcap 1-100000), or one TCP stream (--stream N)",
                command, maxMib, suggestedGib, command);
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

package org.wirelab.cli.lab;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.wirelab.capture.lab.LabServer;

/**
 * Runs a lab server in the foreground until Ctrl-C or SIGTERM (the JVM's shutdown) or an interrupt of
 * the command's thread, then stops it: sockets closed, threads joined, a last line printed if standard
 * output takes it within {@link #LAST_LINES}.
 */
final class Serving {
    /** How long a stop waits for its last lines to be printed: a pipe nobody reads must not hold it. */
    static final Duration LAST_LINES = Duration.ofSeconds(1);

    private Serving() {
    }

    static void untilStopped(LabServer server, ServerLog log) throws IOException {
        server.start();
        log.say("ctrlC");
        CountDownLatch stopped = new CountDownLatch(1);
        Thread onCtrlC = new Thread(() -> {
            stop(server, log);
            stopped.countDown();
        }, "lab-server-shutdown");
        Runtime.getRuntime().addShutdownHook(onCtrlC);
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            stop(server, log);
            try {
                Runtime.getRuntime().removeShutdownHook(onCtrlC);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C: the hook is running and stops the server itself.
            }
        }
    }

    private static void stop(LabServer server, ServerLog log) {
        server.stop();
        // An interrupt is how the command was asked to stop: the last lines are still worth a short wait.
        boolean interrupted = Thread.interrupted();
        try {
            log.flush(LAST_LINES);
        } catch (InterruptedException e) {
            interrupted = true;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

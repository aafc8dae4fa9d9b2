package org.wirelab.cli.lab;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import org.wirelab.capture.lab.LabServer;

/**
 * Runs a lab server in the foreground until Ctrl-C (the JVM's shutdown) or an interrupt of the
 * command's thread, then stops it: sockets closed, threads joined, a last line printed.
 */
final class Serving {
    private Serving() {
    }

    static void untilStopped(LabServer server, Console console) throws IOException {
        server.start();
        console.accept("Ctrl-C stops the server");
        CountDownLatch stopped = new CountDownLatch(1);
        Thread onCtrlC = new Thread(() -> {
            server.stop();
            stopped.countDown();
        }, "lab-server-shutdown");
        Runtime.getRuntime().addShutdownHook(onCtrlC);
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            server.stop();
            try {
                Runtime.getRuntime().removeShutdownHook(onCtrlC);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C: the hook is running and stops the server itself.
            }
        }
    }
}

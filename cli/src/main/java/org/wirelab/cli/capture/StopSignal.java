package org.wirelab.cli.capture;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Lets a command wait for a duration or Ctrl-C, whichever comes first, and finish its work after
 * Ctrl-C. Ctrl-C starts the JVM's shutdown: the hook wakes the waiting thread, then holds the
 * shutdown until that thread closes this signal (or a grace period passes), so what it does in
 * between (stop the capture, flush the file, print the counters) is not cut short.
 */
final class StopSignal implements AutoCloseable {
    private static final long GRACE_SECONDS = 10;

    private final CountDownLatch requested = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook = new Thread(this::holdShutdown, "wirelab-stop-signal");

    private StopSignal() {
    }

    static StopSignal onShutdown() {
        StopSignal signal = new StopSignal();
        Runtime.getRuntime().addShutdownHook(signal.hook);
        return signal;
    }

    /** Returns after {@code limit} (null: no limit) or as soon as Ctrl-C is pressed. */
    void await(Duration limit) throws InterruptedException {
        if (limit == null) {
            requested.await();
        } else {
            requested.await(limit.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** The work after the stop is done: lets a pending shutdown go on, or unregisters the hook. */
    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // Ctrl-C: the hook is running and returns now.
        }
    }

    private void holdShutdown() {
        requested.countDown();
        try {
            finished.await(GRACE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

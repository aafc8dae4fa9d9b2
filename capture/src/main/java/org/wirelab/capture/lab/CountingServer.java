package org.wirelab.capture.lab;

import java.time.Duration;

/**
 * The part every lab server shares: counting its finished exchanges and letting callers wait on that
 * count ({@link #handled()}, {@link #awaitHandled}). What an exchange is, each server says.
 */
abstract class CountingServer implements LabServer {
    private final HandledCounter handled = new HandledCounter();

    /** Counts one exchange finished and wakes whoever waits for it. */
    protected final void exchangeDone() {
        handled.increment();
    }

    @Override
    public final long handled() {
        return handled.value();
    }

    @Override
    public final boolean awaitHandled(long count, Duration timeout) throws InterruptedException {
        return handled.await(count, timeout);
    }
}

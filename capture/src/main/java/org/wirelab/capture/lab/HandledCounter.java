package org.wirelab.capture.lab;

import java.time.Duration;

/**
 * How many exchanges a server has finished (connections closed, datagrams answered, chat clients gone,
 * requests answered), with a wait on that number: what tests and the scenario runner synchronise on
 * instead of sleeping.
 */
final class HandledCounter {
    private long handled;

    synchronized void increment() {
        handled++;
        notifyAll();
    }

    synchronized long value() {
        return handled;
    }

    /** Waits until at least {@code count} exchanges are finished; false when the timeout came first. */
    synchronized boolean await(long count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (handled < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    /**
     * Waits until {@code count} is reached or the number stops moving for {@code quiet}: for UDP,
     * where a datagram dropped by a full receive buffer never comes and only silence ends the wait.
     */
    synchronized long awaitOrQuiet(long count, Duration quiet) throws InterruptedException {
        while (handled < count) {
            long before = handled;
            long deadline = System.nanoTime() + quiet.toNanos();
            while (handled == before) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return handled;
                }
                wait(Math.max(1, left / 1_000_000));
            }
        }
        return handled;
    }
}

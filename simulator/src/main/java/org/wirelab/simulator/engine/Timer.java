package org.wirelab.simulator.engine;

/**
 * A restartable timer (retransmission, delayed ACK, persist, TIME-WAIT) that keeps at most one event
 * in the queue: restarting it later only moves its deadline, and the queued event, when it fires
 * early, re-queues itself for the new deadline. Stopping it makes the queued event a no-op. This keeps
 * the queue small when a timer is restarted on every ACK.
 */
public final class Timer {
    private static final long STOPPED = Long.MIN_VALUE;

    private final Simulator simulator;
    private final Runnable action;
    private final Event check = this::check;
    private long deadline = STOPPED;
    /** The time of the event in the queue, or STOPPED when none is queued. */
    private long queuedAt = STOPPED;

    public Timer(Simulator simulator, Runnable action) {
        this.simulator = simulator;
        this.action = action;
    }

    /** (Re)starts the timer to expire {@code delayNanos} from now. */
    public void start(long delayNanos) {
        deadline = simulator.now() + delayNanos;
        if (queuedAt == STOPPED || queuedAt > deadline) {
            queuedAt = deadline;
            simulator.scheduleAt(deadline, check);
        }
    }

    public void stop() {
        deadline = STOPPED;
    }

    public boolean running() {
        return deadline != STOPPED;
    }

    /** The virtual time it expires at; only while running. */
    public long deadline() {
        return deadline;
    }

    private void check() {
        if (simulator.now() != queuedAt) {
            return; // a stale event: an earlier restart queued another one, which is the live one
        }
        queuedAt = STOPPED;
        if (deadline == STOPPED) {
            return;
        }
        if (deadline > simulator.now()) {
            queuedAt = deadline;
            simulator.scheduleAt(deadline, check);
            return;
        }
        deadline = STOPPED;
        action.run();
    }
}

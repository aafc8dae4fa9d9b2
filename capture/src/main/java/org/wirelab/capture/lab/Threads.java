package org.wirelab.capture.lab;

/** Joining the servers' threads on stop, keeping the caller's interrupt status. */
final class Threads {
    private Threads() {
    }

    static void join(Thread thread) {
        if (thread == null || thread == Thread.currentThread()) {
            return;
        }
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}

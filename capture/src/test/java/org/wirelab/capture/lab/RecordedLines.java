package org.wirelab.capture.lab;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** An output sink for the lab's programs that tests can wait on: lines in arrival order, in English. */
final class RecordedLines implements LabConsole {
    static final Duration TIMEOUT = Duration.ofSeconds(60);
    private final List<String> lines = new ArrayList<>();

    @Override
    public synchronized void accept(String line) {
        lines.add(line);
        notifyAll();
    }

    synchronized List<String> all() {
        return List.copyOf(lines);
    }

    /** Waits for a line matching {@code wanted} and returns it; fails the test after {@link #TIMEOUT}. */
    synchronized String await(Predicate<String> wanted) throws InterruptedException {
        return awaitCount(wanted, 1).get(0);
    }

    synchronized String await(String exact) throws InterruptedException {
        return await(exact::equals);
    }

    /** Waits until {@code count} lines match {@code wanted}; returns them. */
    synchronized List<String> awaitCount(Predicate<String> wanted, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            List<String> matching = lines.stream().filter(wanted).toList();
            if (matching.size() >= count) {
                return matching;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("waited " + TIMEOUT.toSeconds() + " s for " + count
                        + " matching lines; got: " + lines);
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }
}

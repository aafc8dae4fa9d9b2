package org.wirelab.cli.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class ServerLogTest {

    /** A standard output nobody reads: every write waits until the test opens it. */
    private static final class StuckOutput extends Writer {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch opened = new CountDownLatch(1);
        final StringWriter text = new StringWriter();

        @Override
        public void write(char[] chars, int offset, int length) {
            entered.countDown();
            try {
                opened.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            synchronized (text) {
                text.write(chars, offset, length);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }

        List<String> lines() {
            synchronized (text) {
                return text.toString().lines().toList();
            }
        }
    }

    @Test
    void aStuckOutputNeverHoldsTheServerAndTheDroppedLinesAreCounted() throws Exception {
        StuckOutput stuck = new StuckOutput();
        ServerLog log = ServerLog.printingTo(new PrintWriter(stuck), 3, java.util.Locale.ENGLISH);
        long start = System.nanoTime();
        log.accept("line 1");
        stuck.entered.await();
        for (int i = 2; i <= 1000; i++) {
            log.accept("line " + i);
        }
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 5, "accept never waits for the output");
        assertFalse(log.flush(Duration.ofMillis(50)), "nothing can be printed while the output is stuck");

        stuck.opened.countDown();
        // Once the queue has drained, a new line is printed (accepted before that, it could be dropped too).
        assertTrue(log.flush(Duration.ofSeconds(10)));
        log.accept("after");
        assertTrue(log.flush(Duration.ofSeconds(10)));
        // The printer took line 1 and stuck on it; lines 2 to 4 filled the queue; 5 to 1000 were dropped.
        assertEquals(List.of("line 1", "line 2", "line 3", "line 4",
                "(996 lines not printed: standard output was not read fast enough)", "after"), stuck.lines());
    }

    @Test
    void linesDroppedAtTheEndAreCountedByTheLastFlush() throws Exception {
        StuckOutput stuck = new StuckOutput();
        ServerLog log = ServerLog.printingTo(new PrintWriter(stuck), 1, java.util.Locale.ENGLISH);
        for (int i = 1; i <= 10; i++) {
            log.accept("line " + i);
        }
        stuck.opened.countDown();
        assertTrue(log.flush(Duration.ofSeconds(10)));
        List<String> lines = stuck.lines();
        int dropped = 10 - (lines.size() - 1);
        assertEquals("(" + dropped + (dropped == 1 ? " line" : " lines")
                + " not printed: standard output was not read fast enough)", lines.get(lines.size() - 1), lines.toString());
    }
}

package org.wirelab.cli.lab;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.function.Consumer;
import picocli.CommandLine.Model.CommandSpec;

/**
 * A lab server's standard output that never makes the server wait. Lines go to a bounded queue that one
 * daemon thread prints, flushing each; when standard output is not read (a terminal paused with Ctrl-S,
 * a pipe nobody reads) and the queue is full, new lines are dropped and counted, and the next line
 * printed is preceded by how many were dropped. The server keeps relaying, and a stop is never held
 * up by a write that cannot finish.
 */
final class ServerLog implements Consumer<String> {
    /** Lines held while standard output is slow: a few megabytes at most. */
    static final int CAPACITY = 10_000;

    private final PrintWriter out;
    private final ArrayDeque<Entry> queue = new ArrayDeque<>();
    private final int capacity;
    /** Lines dropped since the last one queued. */
    private long dropped;
    private boolean printing;

    private record Entry(String line, long droppedBefore) {
    }

    private ServerLog(PrintWriter out, int capacity) {
        this.out = out;
        this.capacity = capacity;
    }

    static ServerLog printingTo(CommandSpec spec) {
        return printingTo(spec.commandLine().getOut(), CAPACITY);
    }

    static ServerLog printingTo(PrintWriter out, int capacity) {
        ServerLog log = new ServerLog(out, capacity);
        Thread printer = new Thread(log::printForever, "lab-server-log");
        printer.setDaemon(true);   // a printer stuck on a full pipe must not keep the JVM alive
        printer.start();
        return log;
    }

    /** Queues the line, or counts it as dropped when the queue is full; never waits. */
    @Override
    public synchronized void accept(String line) {
        if (queue.size() >= capacity) {
            dropped++;
            return;
        }
        queue.add(new Entry(line, dropped));
        dropped = 0;
        notifyAll();
    }

    /**
     * Waits until every queued line is printed, at most {@code limit}: what a stopping server calls so
     * that its last lines are not lost, without hanging when nobody reads them. True when all was printed.
     */
    synchronized boolean flush(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        if (dropped > 0) {
            queue.add(new Entry(null, dropped));
            dropped = 0;
            notifyAll();
        }
        while (!queue.isEmpty() || printing) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    private void printForever() {
        while (true) {
            Entry entry;
            synchronized (this) {
                printing = false;
                notifyAll();
                while (queue.isEmpty()) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                entry = queue.poll();
                printing = true;
            }
            if (entry.droppedBefore() > 0) {
                out.println("(" + entry.droppedBefore() + (entry.droppedBefore() == 1 ? " line" : " lines")
                        + " not printed: standard output was not read fast enough)");
            }
            if (entry.line() != null) {
                out.println(entry.line());
            }
            out.flush();
        }
    }
}

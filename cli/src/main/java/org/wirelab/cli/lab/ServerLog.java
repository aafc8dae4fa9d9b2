package org.wirelab.cli.lab;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Locale;
import org.wirelab.capture.lab.LabConsole;
import picocli.CommandLine.Model.CommandSpec;

/**
 * A lab server's standard output that never makes the server wait. Lines go to a bounded queue that one
 * daemon thread prints, flushing each; when standard output is not read (a terminal paused with Ctrl-S,
 * a pipe nobody reads) and the queue is full, new lines are dropped and counted, and the next line
 * printed is preceded by how many were dropped. The server keeps relaying, and a stop is never held
 * up by a write that cannot finish.
 */
final class ServerLog implements LabConsole {
    /** Lines held while standard output is slow: a few megabytes at most. */
    static final int CAPACITY = 10_000;

    private final PrintWriter out;
    private final Locale language;
    private final ArrayDeque<Entry> queue = new ArrayDeque<>();
    private final int capacity;
    /** Lines dropped since the last one queued. */
    private long dropped;
    private boolean printing;

    private record Entry(String line, long droppedBefore) {
    }

    private ServerLog(PrintWriter out, int capacity, Locale language) {
        this.out = out;
        this.capacity = capacity;
        this.language = language;
    }

    static ServerLog printingTo(CommandSpec spec, Locale language) {
        return printingTo(spec.commandLine().getOut(), CAPACITY, language);
    }

    static ServerLog printingTo(PrintWriter out, int capacity, Locale language) {
        ServerLog log = new ServerLog(out, capacity, language);
        Thread printer = new Thread(log::printForever, "lab-server-log");
        printer.setDaemon(true);   // a printer stuck on a full pipe must not keep the JVM alive
        printer.start();
        return log;
    }

    @Override
    public Locale language() {
        return language;
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
                out.println(entry.droppedBefore() == 1 ? words("notPrinted.one")
                        : words("notPrinted.many", entry.droppedBefore()));
            }
            if (entry.line() != null) {
                out.println(entry.line());
            }
            out.flush();
        }
    }
}

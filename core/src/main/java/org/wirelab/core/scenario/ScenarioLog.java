package org.wirelab.core.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * What each side did during one run of a {@link Scenario}, in the order it happened: the steps the
 * executor performed, the lines the servers printed, and the first step that did not go as described
 * (after which the run stops).
 */
public record ScenarioLog(String scenario, List<Entry> entries) {

    public ScenarioLog {
        entries = List.copyOf(entries);
    }

    /** What an entry reports. */
    public enum Kind {
        /** A step an actor performed ("sent 14 bytes"). */
        ACTION,
        /** A line a server program printed. */
        OUTPUT,
        /** Something the executor observed that is not a failure (datagrams lost on the way). */
        NOTE,
        /** A step that did not go as the scenario says. */
        FAILURE
    }

    /** One line of the log: when (since the run started), who, what. */
    public record Entry(long elapsedNanos, String actor, Kind kind, String text) {
    }

    /** True when every step went as described. */
    public boolean succeeded() {
        return failures().isEmpty();
    }

    public List<Entry> failures() {
        return entries.stream().filter(entry -> entry.kind() == Kind.FAILURE).toList();
    }

    /** The entries of one actor. */
    public List<Entry> of(String actor) {
        return entries.stream().filter(entry -> actor.equals(entry.actor())).toList();
    }

    /** The log as aligned text lines: {@code   12.345 ms  client  sent 14 bytes ...}. */
    public List<String> lines() {
        int width = entries.stream().mapToInt(entry -> entry.actor().length()).max().orElse(0);
        List<String> lines = new ArrayList<>(entries.size());
        for (Entry entry : entries) {
            lines.add(line(entry, width));
        }
        return lines;
    }

    /** One entry as a text line, its actor padded to {@code actorWidth} (for printing entries as they come). */
    public static String line(Entry entry, int actorWidth) {
        String mark = switch (entry.kind()) {
            case FAILURE -> "FAILED: ";
            case NOTE -> "note: ";
            default -> "";
        };
        return String.format(Locale.ROOT, "%10.3f ms  %-" + Math.max(1, actorWidth) + "s  %s%s",
                entry.elapsedNanos() / 1e6, entry.actor(), mark, entry.text());
    }

    /** Collects entries from several threads (the servers print from their own) in arrival order. */
    public static final class Recorder {
        private final String scenario;
        private final LongSupplier clockNanos;
        private final long start;
        private final List<Entry> entries = new ArrayList<>();

        /** {@code clockNanos}: System::nanoTime for real runs, the virtual clock for simulated ones. */
        public Recorder(String scenario, LongSupplier clockNanos) {
            this.scenario = scenario;
            this.clockNanos = clockNanos;
            this.start = clockNanos.getAsLong();
        }

        public Entry add(String actor, Kind kind, String text) {
            return add(actor, kind, text, entry -> { });
        }

        /**
         * Adds an entry and hands it to {@code listener} under the same lock, so a listener hears the
         * entries of several threads in exactly the log's order.
         */
        public synchronized Entry add(String actor, Kind kind, String text, Consumer<Entry> listener) {
            Entry entry = new Entry(clockNanos.getAsLong() - start, actor, kind, text);
            entries.add(entry);
            listener.accept(entry);
            return entry;
        }

        public synchronized boolean failed() {
            return entries.stream().anyMatch(entry -> entry.kind() == Kind.FAILURE);
        }

        public synchronized ScenarioLog log() {
            return new ScenarioLog(scenario, entries);
        }
    }
}

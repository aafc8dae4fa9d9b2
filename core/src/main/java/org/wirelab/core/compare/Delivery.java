package org.wirelab.core.compare;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.OptionalLong;
import org.wirelab.core.scenario.Messages;
import org.wirelab.core.scenario.ScenarioLog;

/**
 * Messages as the receiving program saw them: how many of those sent arrived, how many never did,
 * how many came again, and how many came after a later one had already arrived.
 */
public record Delivery(long sent, long delivered, long lost, long duplicated, long outOfOrder) {

    /** Counts the numbers received, in the order received, against {@code sent} messages numbered 0 to sent - 1. */
    public static Delivery of(long sent, long[] received) {
        BitSet seen = new BitSet();
        long duplicated = 0;
        long outOfOrder = 0;
        long highest = -1;
        for (long index : received) {
            if (seen.get((int) index)) {
                duplicated++;
                continue;
            }
            seen.set((int) index);
            if (index < highest) {
                outOfOrder++;
            }
            highest = Math.max(highest, index);
        }
        long delivered = seen.cardinality();
        return new Delivery(sent, delivered, sent - delivered, duplicated, outOfOrder);
    }

    /** One message as the receiving program saw it: when (since the run started) and which. */
    public record Arrival(long elapsedNanos, long index) {
    }

    /** The messages {@code receiver} printed it received (its {@link Messages#receivedLine} lines), in order. */
    public static List<Arrival> arrivals(ScenarioLog log, String receiver) {
        List<Arrival> arrivals = new ArrayList<>();
        for (ScenarioLog.Entry entry : log.of(receiver)) {
            if (entry.kind() == ScenarioLog.Kind.OUTPUT) {
                OptionalLong index = Messages.receivedIndex(entry.text());
                if (index.isPresent()) {
                    arrivals.add(new Arrival(entry.elapsedNanos(), index.getAsLong()));
                }
            }
        }
        return arrivals;
    }

    /** The delivery of {@code sent} messages as {@code receiver} saw them ({@link #arrivals}). */
    public static Delivery received(ScenarioLog log, String receiver, long sent) {
        return of(sent, arrivals(log, receiver).stream().mapToLong(Arrival::index).toArray());
    }

    /** The echoes the client received: each {@code received ...} of its steps is one, in order. */
    public static Delivery echoes(ScenarioLog log, String client, long sent) {
        long count = log.of(client).stream()
                .filter(entry -> entry.kind() == ScenarioLog.Kind.ACTION && entry.text().startsWith("received "))
                .count();
        return new Delivery(sent, count, sent - count, 0, 0);
    }
}

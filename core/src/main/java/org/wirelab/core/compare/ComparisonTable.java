package org.wirelab.core.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** A comparison as a plain-text table, UDP and TCP side by side, one measure per line. */
public final class ComparisonTable {
    private static final int LABEL = 36;
    private static final int COLUMN = 20;

    private ComparisonTable() {
    }

    public static String render(Comparison comparison) {
        Workload workload = comparison.workload();
        List<String> lines = new ArrayList<>();
        lines.add(workload.messages() + " messages of " + workload.size() + " bytes"
                + (workload.echo() ? ", each sent back by the server" : ", one way") + "; " + comparison.conditions());
        lines.add("");
        lines.add(row("", "UDP", "TCP"));
        Table table = new Table(comparison, lines);
        table.count("Frames on the wire", cost -> cost.bytes().frames());
        for (FrameRole role : FrameRole.values()) {
            if (role != FrameRole.OTHER) {
                table.count("  " + label(role), cost -> cost.count(role));
            }
        }
        table.count("Bytes on the wire", cost -> cost.bytes().wire());
        table.count("  link headers", cost -> cost.bytes().link());
        table.count("  IP headers", cost -> cost.bytes().network());
        table.count("  UDP/TCP headers", cost -> cost.bytes().transport());
        table.count("  payload", cost -> cost.bytes().payload());
        table.count("  payload sent again", TransportCost::resentPayload);
        table.text("Payload efficiency (new payload / wire)",
                cost -> String.format(Locale.ROOT, "%.1f %%", 100 * cost.efficiency()));
        table.delivery("Messages the server received", ProtocolResult::messages);
        table.losses(ProtocolResult::messages);
        if (workload.echo()) {
            table.delivery("Echoes the client received", ProtocolResult::echoes);
        }
        table.text("Time to the first payload byte", cost -> millis(cost.timeToFirstPayloadNanos()));
        table.text("Completion (first to last frame)", cost -> millis(cost.completionNanos()));
        table.text("Throughput (new payload)",
                cost -> String.format(Locale.ROOT, "%,.0f B/s", cost.throughputBytesPerSecond()));
        return String.join("\n", lines) + "\n";
    }

    private static String label(FrameRole role) {
        return switch (role) {
            case HANDSHAKE -> "handshake (SYN, SYN-ACK, ACK)";
            case DATA -> "data";
            case ACK -> "acknowledgements only";
            case TEARDOWN -> "teardown (FIN and its ACK)";
            case RETRANSMISSION -> "retransmissions";
            case RESET -> "resets (RST)";
            case OTHER -> "other";
        };
    }

    private static String millis(long nanos) {
        return nanos < 0 ? "-" : String.format(Locale.ROOT, "%.3f ms", nanos / 1e6);
    }

    private static String row(String label, String udp, String tcp) {
        return String.format(Locale.ROOT, "%-" + LABEL + "s%" + COLUMN + "s%" + COLUMN + "s", label, udp, tcp).stripTrailing();
    }

    /** Adds rows to {@code lines}, each computed for both transports. */
    private record Table(Comparison comparison, List<String> lines) {
        void count(String label, Function<TransportCost, Long> value) {
            text(label, cost -> String.format(Locale.ROOT, "%,d", value.apply(cost)));
        }

        void text(String label, Function<TransportCost, String> value) {
            lines.add(row(label, value.apply(comparison.udp().cost()), value.apply(comparison.tcp().cost())));
        }

        void delivery(String label, Function<ProtocolResult, Delivery> delivery) {
            lines.add(row(label, fraction(delivery.apply(comparison.udp())), fraction(delivery.apply(comparison.tcp()))));
        }

        void losses(Function<ProtocolResult, Delivery> delivery) {
            lines.add(row("  lost / duplicated / out of order", losses(delivery.apply(comparison.udp())),
                    losses(delivery.apply(comparison.tcp()))));
        }

        private static String fraction(Delivery delivery) {
            return String.format(Locale.ROOT, "%,d of %,d", delivery.delivered(), delivery.sent());
        }

        private static String losses(Delivery delivery) {
            return delivery.lost() + " / " + delivery.duplicated() + " / " + delivery.outOfOrder();
        }
    }
}

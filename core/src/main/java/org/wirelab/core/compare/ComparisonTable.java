package org.wirelab.core.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * A comparison as rows, one measure per row with its UDP and TCP values, and as a plain-text table.
 * Each row has a stable key (for a translated label) and its English label.
 */
public final class ComparisonTable {
    private static final int LABEL = 36;
    private static final int COLUMN = 20;

    /** One measure: {@code key} names it for translations, {@code label} is its English text. */
    public record Row(String key, String label, String udp, String tcp) {
        /** True for a detail of the row above it (drawn indented). */
        public boolean detail() {
            return label.startsWith("  ");
        }
    }

    private ComparisonTable() {
    }

    /** The first line of the table: the workload and where it ran. */
    public static String headline(Comparison comparison) {
        Workload workload = comparison.workload();
        return workload.messages() + " messages of " + workload.size() + " bytes"
                + (workload.echo() ? ", each sent back by the server" : ", one way") + "; " + comparison.conditions();
    }

    public static List<Row> rows(Comparison comparison) {
        Rows rows = new Rows(comparison, new ArrayList<>());
        rows.count("frames", "Frames on the wire", cost -> cost.bytes().frames());
        for (FrameRole role : FrameRole.values()) {
            if (role != FrameRole.OTHER) {
                rows.count("role." + role.name().toLowerCase(Locale.ROOT), "  " + label(role), cost -> cost.count(role));
            }
        }
        rows.count("wire", "Bytes on the wire", cost -> cost.bytes().wire());
        rows.count("link", "  link headers", cost -> cost.bytes().link());
        rows.count("network", "  IP headers", cost -> cost.bytes().network());
        rows.count("transport", "  UDP/TCP headers", cost -> cost.bytes().transport());
        rows.count("payload", "  payload", cost -> cost.bytes().payload());
        rows.count("resent", "  payload sent again", TransportCost::resentPayload);
        rows.text("efficiency", "Payload efficiency (new payload / wire)",
                cost -> String.format(Locale.ROOT, "%.1f %%", 100 * cost.efficiency()));
        rows.delivery("received", "Messages the server received", ProtocolResult::messages);
        rows.losses(ProtocolResult::messages);
        if (comparison.workload().echo()) {
            rows.delivery("echoes", "Echoes the client received", ProtocolResult::echoes);
        }
        rows.text("first", "Time to the first payload byte", cost -> millis(cost.timeToFirstPayloadNanos()));
        rows.text("completion", "Completion (first to last frame)", cost -> millis(cost.completionNanos()));
        rows.text("throughput", "Throughput (new payload)",
                cost -> String.format(Locale.ROOT, "%,.0f B/s", cost.throughputBytesPerSecond()));
        return rows.list();
    }

    public static String render(Comparison comparison) {
        List<String> lines = new ArrayList<>();
        lines.add(headline(comparison));
        lines.add("");
        lines.add(line("", "UDP", "TCP"));
        for (Row row : rows(comparison)) {
            lines.add(line(row.label(), row.udp(), row.tcp()));
        }
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

    private static String line(String label, String udp, String tcp) {
        return String.format(Locale.ROOT, "%-" + LABEL + "s%" + COLUMN + "s%" + COLUMN + "s", label, udp, tcp).stripTrailing();
    }

    /** Adds rows to {@code list}, each computed for both transports. */
    private record Rows(Comparison comparison, List<Row> list) {
        void count(String key, String label, Function<TransportCost, Long> value) {
            text(key, label, cost -> String.format(Locale.ROOT, "%,d", value.apply(cost)));
        }

        void text(String key, String label, Function<TransportCost, String> value) {
            list.add(new Row(key, label, value.apply(comparison.udp().cost()), value.apply(comparison.tcp().cost())));
        }

        void delivery(String key, String label, Function<ProtocolResult, Delivery> delivery) {
            list.add(new Row(key, label, fraction(delivery.apply(comparison.udp())), fraction(delivery.apply(comparison.tcp()))));
        }

        void losses(Function<ProtocolResult, Delivery> delivery) {
            list.add(new Row("losses", "  lost / duplicated / out of order", losses(delivery.apply(comparison.udp())),
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

package org.wirelab.core.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.function.Function;

/**
 * A comparison as rows, one measure per row with its UDP and TCP values, and as a plain-text table, in
 * English or French (the {@code ComparisonTable} bundle: labels by row key, the headline, "12 of 20",
 * numbers written as the language writes them). Each row has a stable key.
 */
public final class ComparisonTable {
    private static final int LABEL = 36;
    private static final int COLUMN = 20;
    private static final String BUNDLE = "org.wirelab.core.compare.ComparisonTable";

    /** One measure: {@code key} names it, {@code label} is its text in the table's language. */
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
        return headline(comparison, Locale.ENGLISH);
    }

    /** The headline in {@code language} (French for any French locale, English otherwise). */
    public static String headline(Comparison comparison, Locale language) {
        return headline(comparison, comparison.conditions(), language);
    }

    /** The headline in {@code language}, with where it ran worded by the caller in that language. */
    public static String headline(Comparison comparison, String conditions, Locale language) {
        Words words = Words.of(language);
        Workload workload = comparison.workload();
        return words.format("headline", words.number(workload.messages()), words.number(workload.size()),
                words.get(workload.echo() ? "headline.echo" : "headline.oneway"), conditions);
    }

    public static List<Row> rows(Comparison comparison) {
        return rows(comparison, Locale.ENGLISH);
    }

    /** The rows in {@code language}: labels, fractions and numbers as that language writes them. */
    public static List<Row> rows(Comparison comparison, Locale language) {
        Words words = Words.of(language);
        Rows rows = new Rows(comparison, words, new ArrayList<>());
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
                cost -> words.format("percent", String.format(words.locale(), "%.1f", 100 * cost.efficiency())));
        rows.delivery("received", "Messages the server received", ProtocolResult::messages);
        rows.losses(ProtocolResult::messages);
        if (comparison.workload().echo()) {
            rows.delivery("echoes", "Echoes the client received", ProtocolResult::echoes);
        }
        rows.text("first", "Time to the first payload byte", cost -> millis(cost.timeToFirstPayloadNanos(), words));
        rows.text("completion", "Completion (first to last frame)", cost -> millis(cost.completionNanos(), words));
        rows.text("throughput", "Throughput (new payload)", cost -> words.format("throughput",
                String.format(words.locale(), "%,.0f", cost.throughputBytesPerSecond())));
        return rows.list();
    }

    public static String render(Comparison comparison) {
        return render(comparison, Locale.ENGLISH);
    }

    /** The plain-text table in {@code language}. */
    public static String render(Comparison comparison, Locale language) {
        List<String> lines = new ArrayList<>();
        lines.add(headline(comparison, language));
        lines.add("");
        List<Row> rows = rows(comparison, language);
        // As wide as the longest label needs (French ones are longer), never narrower than the English table.
        int labelWidth = Math.max(LABEL, rows.stream().mapToInt(row -> row.label().length() + 2).max().orElse(0));
        lines.add(line("", "UDP", "TCP", labelWidth));
        for (Row row : rows) {
            lines.add(line(row.label(), row.udp(), row.tcp(), labelWidth));
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

    private static String millis(long nanos, Words words) {
        return nanos < 0 ? "-" : String.format(words.locale(), "%.3f ms", nanos / 1e6);
    }

    private static String line(String label, String udp, String tcp, int labelWidth) {
        return String.format(Locale.ROOT, "%-" + labelWidth + "s%" + COLUMN + "s%" + COLUMN + "s", label, udp, tcp)
                .stripTrailing();
    }

    /**
     * The table's words in one language: English for every language but French. The English text in the
     * code is what a row falls back to when the bundle lacks its key.
     */
    private record Words(Locale locale, ResourceBundle bundle) {
        static Words of(Locale language) {
            Locale supported = Locale.FRENCH.getLanguage().equals(language.getLanguage()) ? Locale.FRENCH
                    : Locale.ENGLISH;
            return new Words(supported, ResourceBundle.getBundle(BUNDLE, supported,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
        }

        String get(String key) {
            return bundle.getString(key);
        }

        String format(String key, Object... arguments) {
            return new java.text.MessageFormat(get(key), locale).format(arguments);
        }

        /** A count with the language's thousands separator ("12,345", "12 345"), as text for a pattern. */
        String number(long value) {
            return String.format(locale, "%,d", value);
        }

        /** The row's label; a detail row keeps the English label's indent. */
        String label(String key, String english) {
            String indent = english.startsWith("  ") ? "  " : "";
            try {
                return indent + get("row." + key);
            } catch (MissingResourceException untranslated) {
                return english;
            }
        }
    }

    /** Adds rows to {@code list}, each computed for both transports. */
    private record Rows(Comparison comparison, Words words, List<Row> list) {
        void count(String key, String label, Function<TransportCost, Long> value) {
            text(key, label, cost -> words.number(value.apply(cost)));
        }

        void text(String key, String label, Function<TransportCost, String> value) {
            list.add(new Row(key, words.label(key, label), value.apply(comparison.udp().cost()),
                    value.apply(comparison.tcp().cost())));
        }

        void delivery(String key, String label, Function<ProtocolResult, Delivery> delivery) {
            list.add(new Row(key, words.label(key, label), fraction(delivery.apply(comparison.udp())),
                    fraction(delivery.apply(comparison.tcp()))));
        }

        void losses(Function<ProtocolResult, Delivery> delivery) {
            list.add(new Row("losses", words.label("losses", "  lost / duplicated / out of order"),
                    losses(delivery.apply(comparison.udp())), losses(delivery.apply(comparison.tcp()))));
        }

        private String fraction(Delivery delivery) {
            return words.format("fraction", words.number(delivery.delivered()), words.number(delivery.sent()));
        }

        private static String losses(Delivery delivery) {
            return delivery.lost() + " / " + delivery.duplicated() + " / " + delivery.outOfOrder();
        }
    }
}

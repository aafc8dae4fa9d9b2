package org.wirelab.charts;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The charts wirelab draws, with the names the command line knows them by. */
public enum ChartKind {
    /** Stevens' time-sequence graph of one TCP stream. */
    TCP_SEQUENCE("tcp-sequence"),
    /** Round-trip time per ACKed segment of one TCP stream. */
    ROUND_TRIP("rtt"),
    /** Bytes and frames over time per conversation. */
    TRAFFIC("traffic");

    private final String cliName;

    ChartKind(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    /** Whether the chart is about one TCP stream (--stream). */
    public boolean perStream() {
        return this != TRAFFIC;
    }

    /** The kind named {@code name} on the command line, or IllegalArgumentException listing the names. */
    public static ChartKind named(String name) {
        for (ChartKind kind : values()) {
            if (kind.cliName.equals(name.toLowerCase(Locale.ROOT))) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown chart '" + name + "': choose one of "
                + Arrays.stream(values()).map(ChartKind::cliName).collect(Collectors.joining(", ")));
    }
}

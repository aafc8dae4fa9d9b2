package org.wirelab.core.scenario;

import java.util.Comparator;

/** A port a scenario's traffic uses, with its transport: what a capture filter must let through. */
public record PortUse(Transport transport, int port) implements Comparable<PortUse> {
    private static final Comparator<PortUse> ORDER =
            Comparator.comparingInt(PortUse::port).thenComparing(PortUse::transport);

    public PortUse {
        if (transport == null) {
            throw new IllegalArgumentException("transport is required");
        }
        Ports.check(port);
    }

    @Override
    public int compareTo(PortUse other) {
        return ORDER.compare(this, other);
    }

    /** {@code tcp/3000}. */
    @Override
    public String toString() {
        return transport.filterName() + "/" + port;
    }
}

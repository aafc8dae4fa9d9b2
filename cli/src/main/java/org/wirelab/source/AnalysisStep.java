package org.wirelab.source;

/**
 * The passes a {@link Capture} makes over every frame before it is shown whole, in their order: a
 * million-frame file spends seconds in each, so the window says which one is running.
 */
public enum AnalysisStep {
    /** Each frame's summary: addresses, ports, protocol, flags (the packet list's columns). */
    SUMMARIES,
    /** Which frames belong to which conversation (tcp.stream, udp.stream). */
    CONVERSATIONS,
    /** TCP's sequence analysis: retransmissions, duplicate ACKs, windows. */
    TCP_SEQUENCES,
    /** Each TCP endpoint's state after each segment. */
    TCP_STATES,
    /** tshark's fields of every frame (for filters and columns). */
    FIELDS,
    /** The ladder diagram's lanes and arrows. */
    LADDER,
    /** Each lane's state at any arrow (the ladder's header once scrolled). */
    LANE_STATES;

    /** This step's place, from 1 to {@link #count()}. */
    public int number() {
        return ordinal() + 1;
    }

    public static int count() {
        return values().length;
    }
}

package org.wirelab.core.scenario;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Every scenario wirelab knows, in one list: its name, what it shows in English and French, whether it
 * runs live (the lab's programs on real sockets, captured; the simulator runs it too) or only in the
 * simulator (a teaching scenario: losses and timers no loopback shows), the link it is shown on unless
 * the user chooses one, whether it takes a size, and the capture of real Linux doing the same that the
 * simulator is checked against (samples/reference). The command line's lists and completions, the
 * app's menus and its simulation dialog all read it; {@link Scenarios} and the simulator build the
 * steps of the scenario each name stands for.
 */
public final class ScenarioCatalog {
    public static final String LOST_SYN_ACK = "lost-syn-ack";
    public static final String LOST_DATA = "lost-data";
    public static final String FAST_RETRANSMIT = "fast-retransmit";
    public static final String TAIL_LOSS = "tail-loss";
    public static final String REORDERING = "reordering";
    public static final String DUPLICATION = "duplication";
    public static final String SLOW_READER = "slow-reader";
    public static final String SIMULTANEOUS_CLOSE = "simultaneous-close";
    public static final String HALF_CLOSE = "half-close";
    public static final String RST_AFTER_CLOSE = "rst-after-close";
    public static final String LOST_LAST_ACK = "lost-last-ack";
    public static final String KEEP_ALIVE = "keep-alive";
    public static final String UDP_CLOSED_PORT = "udp-closed-port";
    public static final String BULK_LOSS = "bulk-loss";

    private static final String BUNDLE = "org.wirelab.core.scenario.catalog";

    /** The order of every list and menu: the live scenarios first, then the teaching ones. */
    private static final List<Entry> ENTRIES = List.of(
            live(Scenarios.TCP_HELLO), live(Scenarios.UDP_ECHO), live(Scenarios.CHAT), live(Scenarios.HTTP_GET),
            live(Scenarios.TCP_REFUSED), sized(Scenarios.TCP_BULK), sized(Scenarios.UDP_BURST),
            teaching(LOST_SYN_ACK), teaching(LOST_DATA), teaching(FAST_RETRANSMIT), teaching(TAIL_LOSS),
            teaching(REORDERING), teaching(DUPLICATION), teaching(SLOW_READER), teaching(SIMULTANEOUS_CLOSE),
            teaching(HALF_CLOSE), teaching(RST_AFTER_CLOSE), teaching(LOST_LAST_ACK), teaching(KEEP_ALIVE),
            teaching(UDP_CLOSED_PORT),
            teaching(BULK_LOSS));

    private ScenarioCatalog() {
    }

    /** Where a scenario runs. */
    public enum Kind {
        /** On the lab's real programs while captured on the loopback, and in the simulator. */
        LIVE,
        /** In the simulator only: what it shows (a lost segment, a timer) cannot be made to happen on a loopback. */
        TEACHING
    }

    /**
     * The link a scenario is shown on unless the user sets one.
     *
     * @param delay one way; zero on the loopback
     * @param mtu the link's MTU (the loopback's is 65536)
     */
    public record DefaultLink(Duration delay, int mtu) {
        /** What the live scenarios run on: no delay, the loopback's 64 KiB MTU. */
        public static final DefaultLink LOOPBACK = new DefaultLink(Duration.ZERO, 65_536);
        /** An Ethernet link of 10 ms each way: slow enough for a ladder diagram to show what crosses. */
        public static final DefaultLink TEACHING = new DefaultLink(Duration.ofMillis(10), 1_500);

        public boolean isLoopback() {
            return equals(LOOPBACK);
        }
    }

    /**
     * One scenario of the catalog.
     *
     * @param sized whether it takes a size ({@link Scenarios.Parameters}: bytes, count, datagram size)
     * @param reference the name of the real Linux captures the simulator's run is checked against
     *     (samples/reference/NAME-client.pcap and NAME-server.pcap, made by samples/make/linux-reference.sh
     *     over a 10 ms link), null when none
     */
    public record Entry(String name, Kind kind, DefaultLink link, boolean sized, String reference) {

        /** What it shows, in one sentence, in French for a French locale and in English otherwise. */
        public String description(Locale language) {
            Locale supported = Locale.FRENCH.getLanguage().equals(language.getLanguage()) ? Locale.FRENCH : Locale.ROOT;
            return ResourceBundle.getBundle(BUNDLE, supported,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)).getString(name);
        }

        public boolean live() {
            return kind == Kind.LIVE;
        }

        /** Where the real captures of {@link #reference()} are, relative to the repository; null when none. */
        public String referenceFiles() {
            return reference == null ? null : "samples/reference/" + reference + "-{client,server}.pcap";
        }
    }

    /** Every scenario: the live ones, then the teaching ones. */
    public static List<Entry> all() {
        return ENTRIES;
    }

    /** The scenarios the lab's programs run for real (the simulator runs them too). */
    public static List<Entry> live() {
        return ENTRIES.stream().filter(Entry::live).toList();
    }

    /** The scenarios only the simulator runs. */
    public static List<Entry> teaching() {
        return ENTRIES.stream().filter(entry -> !entry.live()).toList();
    }

    /** The names of {@code entries}, in order. */
    public static List<String> names(List<Entry> entries) {
        return entries.stream().map(Entry::name).toList();
    }

    /** The scenario called {@code name}; an unknown name is an error listing the known ones. */
    public static Entry named(String name) {
        return ENTRIES.stream().filter(entry -> entry.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown scenario '" + name + "': choose one of "
                        + String.join(", ", names(ENTRIES))));
    }

    // Every scenario has a real capture of the same name: the live ones made over the references' link
    // (the simulator runs them over it for the comparison), the teaching ones with the relay's faults.
    private static Entry live(String name) {
        return new Entry(name, Kind.LIVE, DefaultLink.LOOPBACK, false, name);
    }

    private static Entry sized(String name) {
        return new Entry(name, Kind.LIVE, DefaultLink.LOOPBACK, true, name);
    }

    private static Entry teaching(String name) {
        return new Entry(name, Kind.TEACHING, DefaultLink.TEACHING, false, name);
    }
}

package org.wirelab.cli.simulate;

import java.text.MessageFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.wirelab.cli.UserError;
import org.wirelab.simulator.SimulationOptions;
import org.wirelab.simulator.net.Fault;
import org.wirelab.simulator.net.LinkConfig;
import org.wirelab.simulator.tcp.CongestionAlgorithm;
import picocli.CommandLine.Option;

/**
 * The simulated link and its seed, as options shared by every command that simulates
 * ({@code simulate}, {@code compare --simulate}): delay, jitter, loss, duplication, reordering,
 * bandwidth and queue, MTU, frames to drop, and the TCP's congestion control.
 */
public final class LinkOptions {
    @Option(names = "--delay", paramLabel = "TIME", converter = Quantities.Delay.class,
            description = "Propagation delay each way (20ms, 500us; default: 5us as on lo, 10ms for the teaching scenarios).")
    private Duration delay;

    @Option(names = "--jitter", paramLabel = "TIME", converter = Quantities.Delay.class, defaultValue = "0",
            description = "Up to this much extra delay per packet, at random (never reorders).")
    private Duration jitter;

    @Option(names = "--loss", paramLabel = "RATE", converter = Quantities.Rate.class, defaultValue = "0",
            description = "Probability that a packet is lost (0.1 or 10%%).")
    private double loss;

    @Option(names = "--duplicate", paramLabel = "RATE", converter = Quantities.Rate.class, defaultValue = "0",
            description = "Probability that a packet arrives twice.")
    private double duplicate;

    @Option(names = "--reorder", paramLabel = "RATE", converter = Quantities.Rate.class, defaultValue = "0",
            description = "Probability that a packet is held back and overtaken by the next ones.")
    private double reorder;

    @Option(names = "--bandwidth", paramLabel = "BITS", converter = Quantities.Bandwidth.class, defaultValue = "0",
            description = "Link rate in bit/s (1G, 100M, 56k; default: no limit).")
    private long bandwidth;

    @Option(names = "--queue", paramLabel = "PACKETS", defaultValue = "0",
            description = "With --bandwidth: at most this many packets wait; more are dropped (default: no limit).")
    private int queue;

    @Option(names = "--mtu", paramLabel = "BYTES",
            description = "The link's MTU, which sets the MSS (default: 65536 as on lo; 1500 for Ethernet).")
    private Integer mtu;

    @Option(names = "--drop-frame", paramLabel = "N", split = ",",
            description = "Lose frame N of the capture on its way (repeatable; the frame is still in the file).")
    private List<Integer> droppedFrames = new ArrayList<>();

    @Option(names = "--cc", paramLabel = "ALGORITHM", defaultValue = "cubic", completionCandidates = CongestionNames.class,
            description = "Congestion control of every TCP socket: cubic (Linux's default) or reno (NewReno)"
                    + " (default: ${DEFAULT-VALUE}).")
    private String congestionControl;

    /** The names --cc accepts, for help and completion. */
    static final class CongestionNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return java.util.Arrays.stream(CongestionAlgorithm.values()).map(CongestionAlgorithm::linuxName).iterator();
        }
    }

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
            description = "Seed of every random draw: the same seed gives the same file (default: ${DEFAULT-VALUE}).")
    private long seed;

    /** True when --delay was given (the teaching scenarios have their own default otherwise). */
    public boolean delayGiven() {
        return delay != null;
    }

    /** {@code base} with this link, MTU, faults and seed; a value out of range is a one-line error. */
    public SimulationOptions applyTo(SimulationOptions base) {
        if (queue < 0) {
            throw new UserError("--queue is 0 (no limit) or more: " + queue);
        }
        if (mtu != null && (mtu < 128 || mtu > 65_536)) {
            throw new UserError("--mtu is from 128 to 65536 bytes: " + mtu);
        }
        List<Fault> faults = new ArrayList<>();
        for (int frame : droppedFrames) {
            if (frame < 1) {
                throw new UserError("--drop-frame: frames are numbered from 1: " + frame);
            }
            faults.add(new Fault.DropFrame(frame));
        }
        LinkConfig link = base.link().withJitter(jitter).withLoss(loss).withDuplication(duplicate)
                .withReordering(reorder).withBandwidth(bandwidth).withQueueLimit(queue);
        if (delay != null) {
            link = link.withDelay(delay);
        }
        CongestionAlgorithm algorithm;
        try {
            algorithm = CongestionAlgorithm.named(congestionControl);
        } catch (IllegalArgumentException e) {
            throw new UserError("--cc: " + e.getMessage());
        }
        SimulationOptions options = base.withSeed(seed).withLink(link).withFaults(faults);
        options = options.withTcp(options.tcp().withCongestionControl(algorithm));
        return mtu == null ? options : options.withTcp(options.tcp().withMtu(mtu));
    }

    /** The link in a few words: "delay 20 ms each way, loss 5%". */
    public static String describe(LinkConfig link) {
        return describe(link, Locale.ENGLISH);
    }

    /** The link's settings in {@code language} (English or French): "delay 5 ms each way, loss 10%". */
    public static String describe(LinkConfig link, Locale language) {
        ResourceBundle words = ResourceBundle.getBundle("org.wirelab.cli.simulate.link", language,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        List<String> parts = new ArrayList<>();
        parts.add(MessageFormat.format(words.getString("link.delay"), millis(link.delay())));
        if (!link.jitter().isZero()) {
            parts.add(MessageFormat.format(words.getString("link.jitter"), millis(link.jitter())));
        }
        if (link.bandwidthBitsPerSecond() > 0) {
            parts.add(MessageFormat.format(words.getString("link.bandwidth"),
                    Long.toString(link.bandwidthBitsPerSecond())));
        }
        if (link.lossRate() > 0) {
            parts.add(MessageFormat.format(words.getString("link.loss"), percent(link.lossRate())));
        }
        if (link.duplicationRate() > 0) {
            parts.add(MessageFormat.format(words.getString("link.duplication"), percent(link.duplicationRate())));
        }
        if (link.reorderRate() > 0) {
            parts.add(MessageFormat.format(words.getString("link.reordering"), percent(link.reorderRate())));
        }
        return String.join(", ", parts);
    }

    private static String millis(Duration duration) {
        return String.format(Locale.ROOT, "%s ms", new java.math.BigDecimal(duration.toNanos()).movePointLeft(6)
                .stripTrailingZeros().toPlainString());
    }

    /** The rate in percent, without its sign: the language's pattern places it ("10%", "10 %"). */
    private static String percent(double rate) {
        return new java.math.BigDecimal(Double.toString(rate * 100)).stripTrailingZeros().toPlainString();
    }
}

package org.wirelab.cli.simulate;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.wirelab.cli.LadderPrinter;
import org.wirelab.cli.ScenarioParameters;
import org.wirelab.cli.UserError;
import org.wirelab.core.pcap.CaptureFiles;
import org.wirelab.core.scenario.Scenarios;
import org.wirelab.simulator.Simulation;
import org.wirelab.simulator.SimulationOptions;
import org.wirelab.simulator.SimulationResult;
import org.wirelab.simulator.SimulatedScenarios;
import org.wirelab.simulator.net.Fault;
import org.wirelab.simulator.net.LinkConfig;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code wirelab simulate}: runs a scenario on a simulated loopback, where delay, loss and faults are
 * the user's to choose, writes the frames to a pcap file and prints the ladder diagram of that file,
 * as {@code wirelab capture --scenario} does for a live run. What each side did goes to standard error.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs a scenario in a simulated network (no capture rights needed): the same scenarios as",
            "'wirelab capture --scenario', plus teaching scenarios with losses, a slow reader and a simultaneous",
            "close. The frames are real Ethernet/IP/TCP/UDP bytes, written to a pcap file that Wireshark opens;",
            "the ladder diagram of that file goes to standard output. The same seed gives the same file."},
        footerHeading = "%nExamples:%n",
        footer = {"  wirelab simulate --list",
            "  wirelab simulate --scenario tcp-hello --out sim.pcap",
            "  wirelab simulate --scenario tcp-hello --delay 20ms --loss 10% --seed 7 --ipv6 --out sim.pcap",
            "  wirelab simulate --scenario fast-retransmit --out fr.pcap",
            "  wirelab simulate --scenario tcp-bulk --bytes 100000 --mtu 1500 --bandwidth 10M --out bulk.pcap"})
public final class SimulateCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private What what;

    static final class What {
        @Option(names = "--scenario", paramLabel = "NAME", completionCandidates = SimulatedScenarioNames.class,
                description = "The scenario to simulate: ${COMPLETION-CANDIDATES}.")
        String scenario;

        @Option(names = "--list", description = "Describe every scenario and exit.")
        boolean list;
    }

    @Mixin
    private ScenarioParameters scenarioParameters;

    @Option(names = "--out", paramLabel = "FILE", description = "The pcap file to write (replaced if it exists).")
    private Path out;

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

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
            description = "Seed of every random draw: the same seed gives the same file (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        if (what.list) {
            listScenarios(stdout);
            return 0;
        }
        if (out == null) {
            throw new UserError("--out FILE is required: the simulated frames are written to a pcap file");
        }
        SimulatedScenarios.Setup setup = setup();
        SimulationOptions options = setup.options(options(), delay != null);
        PrintWriter err = spec.commandLine().getErr();
        err.println(setup.name() + ": " + setup.summary());
        err.println("simulating on " + scenarioParameters.ipVersion().loopback() + ", " + describe(options.link())
                + ", seed " + seed + ", into " + out);
        SimulationResult result;
        try {
            result = Simulation.runToPcap(setup.scenario(), options, out);
        } catch (IOException e) {
            throw new UserError("cannot write " + out + ": " + e.getMessage());
        }
        result.log().lines().forEach(err::println);
        err.flush();
        // The diagram of the file as written, as 'wirelab show' draws it.
        LadderPrinter.print(CaptureFiles.read(out).frames(), stdout);
        stdout.flush();
        SimulationResult.Statistics statistics = result.statistics();
        err.println(String.format(Locale.ROOT, "%d frames in %.3f s of simulated time, %d lost on the way, %d sent again;"
                + " written to %s", statistics.framesCaptured(), lastFrameSeconds(result), statistics.packetsLost(),
                statistics.retransmissions(), out));
        if (!result.log().succeeded()) {
            throw new UserError("scenario " + setup.name() + " did not go as described: "
                    + result.log().failures().get(0).text());
        }
        return 0;
    }

    private SimulatedScenarios.Setup setup() {
        try {
            return SimulatedScenarios.named(what.scenario, scenarioParameters.parameters());
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }

    private SimulationOptions options() {
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
        SimulationOptions defaults = SimulationOptions.defaults();
        LinkConfig link = defaults.link().withJitter(jitter).withLoss(loss).withDuplication(duplicate)
                .withReordering(reorder).withBandwidth(bandwidth).withQueueLimit(queue);
        if (delay != null) {
            link = link.withDelay(delay);
        }
        SimulationOptions options = defaults.withIpVersion(scenarioParameters.ipVersion()).withSeed(seed)
                .withLink(link).withFaults(faults);
        return mtu == null ? options : options.withTcp(options.tcp().withMtu(mtu));
    }

    private static double lastFrameSeconds(SimulationResult result) {
        return result.statistics().lastFrameNanos() / 1e9;
    }

    private static String describe(LinkConfig link) {
        List<String> parts = new ArrayList<>();
        parts.add("delay " + millis(link.delay()) + " each way");
        if (!link.jitter().isZero()) {
            parts.add("jitter " + millis(link.jitter()));
        }
        if (link.bandwidthBitsPerSecond() > 0) {
            parts.add(link.bandwidthBitsPerSecond() + " bit/s");
        }
        if (link.lossRate() > 0) {
            parts.add("loss " + percent(link.lossRate()));
        }
        if (link.duplicationRate() > 0) {
            parts.add("duplication " + percent(link.duplicationRate()));
        }
        if (link.reorderRate() > 0) {
            parts.add("reordering " + percent(link.reorderRate()));
        }
        return String.join(", ", parts);
    }

    private static String millis(Duration duration) {
        return String.format(Locale.ROOT, "%s ms", new java.math.BigDecimal(duration.toNanos()).movePointLeft(6)
                .stripTrailingZeros().toPlainString());
    }

    private static String percent(double rate) {
        return String.format(Locale.ROOT, "%s%%", new java.math.BigDecimal(Double.toString(rate * 100))
                .stripTrailingZeros().toPlainString());
    }

    private static void listScenarios(PrintWriter out) {
        int width = SimulatedScenarios.names().stream().mapToInt(String::length).max().orElse(0);
        for (String name : SimulatedScenarios.names()) {
            SimulatedScenarios.Setup setup = SimulatedScenarios.named(name, Scenarios.Parameters.DEFAULTS);
            String where = Scenarios.names().contains(name) ? "" : " (simulator only)";
            out.println(String.format(Locale.ROOT, "%-" + width + "s  %s%s", name, setup.summary(), where));
        }
    }
}

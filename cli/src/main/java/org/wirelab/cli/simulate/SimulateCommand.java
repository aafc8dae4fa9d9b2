package org.wirelab.cli.simulate;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.concurrent.Callable;
import org.wirelab.cli.LadderPrinter;
import org.wirelab.cli.ScenarioParameters;
import org.wirelab.cli.UserError;
import org.wirelab.core.frame.FrameStore;
import org.wirelab.core.output.OutputFile;
import org.wirelab.core.pcap.CaptureFiles;
import org.wirelab.core.scenario.ScenarioCatalog;
import org.wirelab.core.scenario.Scenarios;
import org.wirelab.simulator.Simulation;
import org.wirelab.simulator.SimulationOptions;
import org.wirelab.simulator.SimulationResult;
import org.wirelab.simulator.SimulatedScenarios;
import org.wirelab.simulator.net.Packet.Marks;
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
            "'wirelab capture --scenario', plus teaching scenarios with losses, reordering, duplication, a slow",
            "reader, a simultaneous close, a half close, a reset after close, a lost last ACK, keep-alive and a",
            "closed UDP port, each checked against a capture of real Linux",
            "(--list names it). The frames are real Ethernet/IP/TCP/UDP bytes, written to a pcap file that",
            "Wireshark opens; the ladder diagram of that file goes to standard output. The same seed gives the",
            "same file."},
        footerHeading = "%nExamples:%n",
        footer = {"  wirelab simulate --list",
            "  wirelab simulate --scenario tcp-hello --out sim.pcap",
            "  wirelab simulate --scenario tcp-hello --delay 20ms --loss 10%% --seed 7 --ipv6 --out sim.pcap",
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

    @Option(names = "--full-ladder", description = "Print the ladder of every frame; by default a long run shows"
            + " its first " + LADDER_ROWS + " frames (wirelab show FILE prints the whole ladder).")
    private boolean fullLadder;

    @Mixin
    private LinkOptions link;

    /** A long transfer's ladder has a million rows: the first ones teach what the rest repeats. */
    static final int LADDER_ROWS = 200;

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
        OutputFile.checkWritable(out);
        SimulatedScenarios.Setup setup = setup();
        SimulationOptions options = setup.options(options(), link.delayGiven());
        PrintWriter err = spec.commandLine().getErr();
        err.println(setup.name() + ": " + setup.summary());
        err.println("simulating on " + scenarioParameters.ipVersion().loopback() + ", " + LinkOptions.describe(options.link())
                + ", congestion control " + options.tcp().congestionControl().linuxName() + ", seed " + options.seed()
                + ", into " + out);
        // Written whole or not at all: stopped half-way, the simulation leaves the old file as it was.
        SimulationResult result = Simulation.runToPcap(setup.scenario(), options, out);
        result.log().lines().forEach(err::println);
        err.flush();
        // The diagram of the file as written. Unlike 'wirelab show', which can only assume every frame
        // arrived, the states follow what each side received: a frame lost on the way moves only its sender.
        // Only the frames drawn are read back, so memory stays flat however long the transfer.
        SimulationResult.Statistics statistics = result.statistics();
        boolean summarised = !fullLadder && statistics.framesCaptured() > LADDER_ROWS;
        FrameStore drawn = summarised ? CaptureFiles.readFirst(out, LADDER_ROWS).frames() : CaptureFiles.read(out).frames();
        LadderPrinter.print(drawn, index -> (result.marks().of(index + 1) & Marks.LOST) == 0, stdout);
        if (summarised) {
            stdout.println(String.format(Locale.ROOT, "... the first %d of %,d frames; the whole ladder: wirelab show %s"
                    + " (or simulate --full-ladder)", LADDER_ROWS, statistics.framesCaptured(), out));
        }
        stdout.flush();
        err.println(String.format(Locale.ROOT, "%d frames in %.3f s of simulated time, %d lost on the way, %d sent again;"
                + " written to %s", statistics.framesCaptured(), lastFrameSeconds(result), statistics.packetsLost(),
                statistics.retransmissions(), out));
        List<Integer> lost = result.marks().framesWith(Marks.LOST);
        if (!lost.isEmpty()) {
            // The file shows these frames (it was captured at the sender) but the receiver never got them.
            err.println("lost on the way, though in the file: " + (lost.size() <= 20 ? (lost.size() == 1 ? "frame " : "frames ") + lost.stream()
                    .map(String::valueOf).collect(Collectors.joining(", ")) : lost.size() + " frames, from frame " + lost.get(0)));
        }
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
        return link.applyTo(SimulationOptions.defaults().withIpVersion(scenarioParameters.ipVersion()));
    }

    private static double lastFrameSeconds(SimulationResult result) {
        return result.statistics().lastFrameNanos() / 1e9;
    }

    /** The scenario catalog, each entry with what the simulator runs for it. */
    private static void listScenarios(PrintWriter out) {
        List<ScenarioCatalog.Entry> catalog = ScenarioCatalog.all();
        int width = catalog.stream().mapToInt(entry -> entry.name().length()).max().orElse(0);
        for (ScenarioCatalog.Entry entry : catalog) {
            String name = entry.name();
            SimulatedScenarios.Setup setup = SimulatedScenarios.named(name, Scenarios.Parameters.DEFAULTS);
            String where = entry.live() ? "" : " (simulator only)";
            String checked = entry.reference() == null ? ""
                    : "; checked against real Linux: " + entry.referenceFiles();
            out.println(String.format(Locale.ROOT, "%-" + width + "s  %s%s%s", name, setup.summary(), where, checked));
        }
    }
}

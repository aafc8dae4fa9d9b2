package org.wirelab.cli.capture;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.wirelab.capture.live.CaptureSettings;
import org.wirelab.capture.live.CaptureStatistics;
import org.wirelab.capture.live.CaptureUnavailableException;
import org.wirelab.capture.live.FrameSink;
import org.wirelab.capture.live.LiveCapture;
import org.wirelab.capture.scenario.FreePorts;
import org.wirelab.capture.scenario.ScenarioCapture;
import org.wirelab.capture.scenario.TakenPorts;
import org.wirelab.cli.ScenarioNames;
import org.wirelab.cli.ScenarioParameters;
import org.wirelab.cli.UserError;
import org.wirelab.cli.LanguageConverter;
import org.wirelab.cli.check.LabStepConverter;
import org.wirelab.core.analysis.CaptureAnalysis;
import org.wirelab.core.check.CheckReport;
import org.wirelab.core.check.LabChecks;
import org.wirelab.core.check.LabStep;
import org.wirelab.core.pcap.CaptureFiles;
import java.util.Locale;
import org.wirelab.core.output.OutputFile;
import org.wirelab.core.scenario.IpVersion;
import org.wirelab.core.scenario.Scenario;
import org.wirelab.core.pcap.PcapWriter;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code wirelab capture}: captures live traffic into a pcap file, writing each frame as it arrives:
 * a scenario of the lab's programs from start to end, or a port until a duration ends or Ctrl-C. Status and libpcap's counters go to standard error, as tcpdump
 * prints them, so standard output stays free for what the capture shows.
 */
@Command(name = "capture",
        mixinStandardHelpOptions = true,
        description = {"Captures live traffic on this machine into a pcap file, frame by frame as it arrives.",
            "Needs libpcap and root (or the CAP_NET_RAW capability), or else Wireshark's dumpcap that this user may run"
                + " (Debian: the wireshark group), which wirelab then uses by itself; if neither, says how to get them."},
        footerHeading = "%nExamples:%n",
        footer = {"  wirelab capture --scenario tcp-hello --out hello.pcap",
            "  wirelab capture --scenario udp-echo --ipv6 --out echo6.pcap",
            "  wirelab capture --port 3000 --out lab.pcap              (until Ctrl-C)",
            "  wirelab capture --port 3000 --duration 30s --out lab.pcap",
            "  wirelab capture --port 3000 --check tcp --out lab.pcap  (checks the lab's TCP step when stopped)"})
public final class CaptureCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private What what;

    static final class What {
        @Option(names = "--port", split = ",", paramLabel = "PORT",
                description = "Capture TCP and UDP traffic to or from this port (repeatable, or comma-separated).")
        int[] ports;

        @Option(names = "--scenario", paramLabel = "NAME", completionCandidates = ScenarioNames.class,
                description = {"Run this scenario with the lab's programs on the loopback and capture it, from before",
                    "its first SYN to after its last ACK; then print the ladder diagram. One of: ${COMPLETION-CANDIDATES}."})
        String scenario;
    }

    @Mixin
    private ScenarioParameters scenarioParameters;

    @Option(names = "--free-ports",
            description = "--scenario: use free ports instead of the lab's (3000, 9090, ...), e.g. when a server already holds them")
    private boolean freePorts;

    @Option(names = "--out", required = true, paramLabel = "FILE",
            description = "The pcap file to write (replaced if it exists); each frame is written as it arrives.")
    private Path out;

    @Option(names = "--duration", paramLabel = "TIME", converter = DurationConverter.class,
            description = "Stop after this long (30s, 500ms, 2m); without it, capture until Ctrl-C.")
    private Duration duration;

    @Option(names = "--interface", paramLabel = "NAME", defaultValue = CaptureSettings.LOOPBACK,
            description = "The interface to capture on (default: ${DEFAULT-VALUE}, where the lab's programs talk).")
    private String interfaceName;

    @Option(names = "--buffer-size", paramLabel = "MIB",
            description = "With --port: the kernel buffer that holds frames until wirelab reads them, in MiB"
                + " (default: " + (CaptureSettings.DEFAULT_BUFFER_BYTES >> 20) + "; tcpdump's -B is in KiB, dumpcap's -B in MiB).")
    private Integer bufferMib;

    @Option(names = "--immediate",
            description = "With --port: hand each frame over as it arrives (libpcap's immediate mode) instead of in"
                + " blocks of at most " + CaptureSettings.DEFAULT_BATCH_MILLIS + " ms; the kernel buffer then holds far fewer"
                + " frames of a burst.")
    private boolean immediate;

    @Option(names = "--check", paramLabel = "STEP", converter = LabStepConverter.class,
            description = {"With --port: when the capture stops, check it against this step of the lab (udp, tcp or chat),",
                "as 'wirelab check' does, on the first port given; exit 1 when a check fails."})
    private LabStep check;

    @Option(names = "--lang", paramLabel = "LANG", defaultValue = "en", converter = LanguageConverter.class,
            description = "Language of the checks (with --check) and of the message when capture is impossible here:"
                + " en or fr (default: ${DEFAULT-VALUE})")
    private Locale language;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (what.scenario != null) {
            if (duration != null || !CaptureSettings.LOOPBACK.equals(interfaceName) || bufferMib != null || immediate) {
                throw new UserError("--duration, --interface, --buffer-size and --immediate go with --port; a scenario"
                        + " runs on lo until it ends");
            }
            if (check != null) {
                throw new UserError("--check goes with --port: a scenario checks its own steps as it runs");
            }
            return new ScenarioCaptureRun(spec, out).call(scenario(), scenarioParameters.ipVersion(), language);
        }
        PrintWriter err = spec.commandLine().getErr();
        CaptureSettings settings = portSettings();
        // Written frame by frame (Ctrl-C keeps every frame so far), so checked first rather than renamed at the end.
        OutputFile.checkWritable(out);
        try (LiveCapture capture = open(settings, language);
                PcapWriter writer = PcapWriter.create(out, capture.linkType())) {
            capture.start(FrameSink.flushingTo(writer));
            err.println("capturing on " + settings.interfaceName() + " (" + settings.filter() + ")" + through(capture)
                    + " into " + out + (duration == null ? "; Ctrl-C to stop" : " for " + describe(duration)));
            try (StopSignal stop = StopSignal.onShutdown()) {
                stop.await(duration);
                CaptureStatistics statistics = capture.stop();
                writer.close();
                err.println(statistics.text() + "; written to " + out);
            }
        }
        return check == null ? 0 : printChecks();
    }

    /** The checks of the file just written, on standard output; 0 when they all pass, else 1. */
    private int printChecks() throws IOException {
        CheckReport report = LabChecks.run(CaptureAnalysis.of(CaptureFiles.read(out).frames()), check, what.ports[0], language);
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.print(LabChecks.text(report, language));
        stdout.flush();
        return report.passed() ? 0 : 1;
    }

    /**
     * The scenario on the lab's ports, except those another program holds right now (a student's server
     * on 3000), which move to free ones with one line saying so; every port moves with --free-ports.
     */
    private Scenario scenario() {
        Scenario scenario = scenarioParameters.scenario(what.scenario);
        if (freePorts) {
            return FreePorts.remap(scenario, scenarioParameters.ipVersion());
        }
        TakenPorts ports = TakenPorts.avoid(scenario, scenarioParameters.ipVersion());
        if (ports.any()) {
            spec.commandLine().getErr().println("wirelab capture: " + ports.sentence(Locale.ENGLISH));
        }
        return ports.scenario();
    }

    private CaptureSettings portSettings() {
        try {
            String ports = CaptureSettings.portFilter(what.ports);
            // ICMP errors carry no port: without them a UDP check could not see "port unreachable".
            CaptureSettings settings = CaptureSettings.of(interfaceName, check == null ? ports : ports + " or icmp or icmp6");
            if (bufferMib != null) {
                if (bufferMib < 1 || bufferMib > 2047) {
                    throw new UserError("--buffer-size takes 1 to 2047 MiB, not " + bufferMib);
                }
                settings = settings.withBufferBytes(bufferMib << 20);
            }
            return immediate ? settings.withBatchMillis(0) : settings;
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }

    /** Opens the interface: the point where a missing libpcap or privilege shows, before anything runs. */
    static LiveCapture open(CaptureSettings settings, Locale language) throws IOException {
        try {
            return LiveCapture.open(settings);
        } catch (CaptureUnavailableException e) {
            throw new UserError(e.problem().message(language));
        }
    }

    /**
     * Opens lo for the scenario's traffic; when capture is impossible, the one-line message offers the
     * simulated run of the same scenario.
     */
    static LiveCapture open(Scenario scenario, IpVersion version, Locale language) throws IOException {
        try {
            return ScenarioCapture.open(scenario);
        } catch (CaptureUnavailableException e) {
            throw new UserError(e.problem().messageSuggesting("wirelab simulate --scenario " + scenario.name()
                    + (version == IpVersion.IPV6 ? " --ipv6" : ""), language));
        }
    }

    /** " through dumpcap" when this process may not capture itself and dumpcap does it, else nothing. */
    static String through(LiveCapture capture) {
        return capture.throughDumpcap() ? " through dumpcap" : "";
    }

    private static String describe(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 != 0 ? millis + " ms" : millis / 1000 + " s";
    }
}

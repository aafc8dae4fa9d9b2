import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.wirelab.core.scenario.IpVersion;
import org.wirelab.core.scenario.Scenarios;
import org.wirelab.simulator.FrameMarks;
import org.wirelab.simulator.SimulatedScenarios;
import org.wirelab.simulator.Simulation;
import org.wirelab.simulator.SimulationOptions;
import org.wirelab.simulator.SimulationResult;
import org.wirelab.simulator.net.LinkConfig;
import org.wirelab.simulator.tcp.CongestionAlgorithm;

/**
 * What a simulation does, as one line per run: the SHA-256 of the pcap file a fixed seed gives, the
 * run's counters, its log's verdict and the frames it marked (lost, retransmitted...). Run by
 * bench/simulate-identity.sh against two builds of the simulator (java's single-file source launcher
 * compiles this file against whichever build is on the class path), whose lines must be the same:
 * a change meant to make the simulator faster must not change one byte of what it simulates.
 *
 * <p>Every scenario of the catalog, the teaching ones with their faults, on several links (the
 * loopback; 1% loss; loss, jitter, duplication, reordering and a short queue together; reordering
 * alone; a slow link whose queue overflows), with CUBIC and with Reno, over IPv4, and a few over IPv6;
 * then larger lossy bulk transfers. The count of events fired is left out: it says how the engine
 * works, not what the network did.
 */
public final class SimulateFingerprints {
    private static final long SEED = 7;

    private record Link(String name, LinkConfig config) {
    }

    public static void main(String[] args) throws IOException, NoSuchAlgorithmException {
        LinkConfig loopback = SimulationOptions.defaults().link();
        List<Link> links = List.of(
                new Link("loopback", loopback),
                new Link("lossy", loopback.withDelay(Duration.ofMillis(10)).withBandwidth(100_000_000L).withLoss(0.01)),
                new Link("harsh", loopback.withDelay(Duration.ofMillis(10)).withJitter(Duration.ofMillis(2)).withLoss(0.05)
                        .withDuplication(0.02).withReordering(0.02).withBandwidth(100_000_000L).withQueueLimit(50)),
                new Link("reordering", loopback.withDelay(Duration.ofMillis(5)).withReordering(0.05)),
                new Link("queue", loopback.withDelay(Duration.ofMillis(20)).withBandwidth(10_000_000L).withQueueLimit(20)));
        Scenarios.Parameters parameters = new Scenarios.Parameters(2_000_000, 200, 1_000);
        Path pcap = Files.createTempFile("fingerprint", ".pcap");
        try {
            for (String name : SimulatedScenarios.names()) {
                SimulatedScenarios.Setup setup = SimulatedScenarios.named(name, parameters);
                for (Link link : links) {
                    for (CongestionAlgorithm algorithm : CongestionAlgorithm.values()) {
                        SimulationOptions base = options(link.config(), algorithm, IpVersion.IPV4, 1500);
                        print(name, link.name(), algorithm, IpVersion.IPV4, setup, base, pcap);
                    }
                }
                for (Link link : List.of(links.get(0), links.get(2))) {
                    SimulationOptions base = options(link.config(), CongestionAlgorithm.CUBIC, IpVersion.IPV6, 1500);
                    print(name, link.name(), CongestionAlgorithm.CUBIC, IpVersion.IPV6, setup, base, pcap);
                }
            }
            // Long enough for many recoveries, slow start's exit and CUBIC's growth after a loss.
            SimulatedScenarios.Setup bulk = SimulatedScenarios.named(Scenarios.TCP_BULK,
                    new Scenarios.Parameters(30_000_000, 1, 1));
            LinkConfig gigabit = loopback.withDelay(Duration.ofMillis(10)).withBandwidth(1_000_000_000L);
            for (double loss : new double[] {0.001, 0.01, 0.03}) {
                for (CongestionAlgorithm algorithm : CongestionAlgorithm.values()) {
                    print("tcp-bulk-30MB", "gigabit-loss-" + loss, algorithm, IpVersion.IPV4, bulk,
                            options(gigabit.withLoss(loss), algorithm, IpVersion.IPV4, 1500), pcap);
                }
            }
            print("tcp-bulk-30MB", "gigabit-harsh", CongestionAlgorithm.CUBIC, IpVersion.IPV4, bulk,
                    options(gigabit.withLoss(0.01).withReordering(0.01).withDuplication(0.005)
                            .withJitter(Duration.ofMillis(1)).withQueueLimit(200), CongestionAlgorithm.CUBIC, IpVersion.IPV4, 9000),
                    pcap);
        } finally {
            Files.deleteIfExists(pcap);
        }
    }

    private static SimulationOptions options(LinkConfig link, CongestionAlgorithm algorithm, IpVersion version, int mtu) {
        SimulationOptions defaults = SimulationOptions.defaults().withSeed(SEED).withIpVersion(version);
        return defaults.withLink(link).withTcp(defaults.tcp().withMtu(mtu).withCongestionControl(algorithm));
    }

    private static void print(String name, String link, CongestionAlgorithm algorithm, IpVersion version,
            SimulatedScenarios.Setup setup, SimulationOptions base, Path pcap) throws IOException, NoSuchAlgorithmException {
        // The setup's own link delay, MTU and faults apply as `wirelab simulate` applies them without --delay.
        SimulationOptions options = setup.options(base, false);
        SimulationResult result = Simulation.runToPcap(setup.scenario(), options, pcap);
        SimulationResult.Statistics s = result.statistics();
        System.out.printf("%s %s %s %s %s sent=%d captured=%d lost=%d retransmitted=%d last=%d end=%d %s marks=%s%n",
                name, link, algorithm.linuxName(), version, sha256(pcap), s.packetsSent(), s.framesCaptured(),
                s.packetsLost(), s.retransmissions(), s.lastFrameNanos(), s.virtualNanos(),
                result.log().succeeded() ? "succeeded" : "failed", marks(result.marks()));
    }

    /** A digest of every frame number carrying each mark, so that a line stays short. */
    private static String marks(FrameMarks marks) throws NoSuchAlgorithmException {
        List<String> all = new ArrayList<>();
        for (int bit = 0; bit < 7; bit++) {
            all.add(marks.framesWith(1 << bit).toString());
        }
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(String.join(";", all).getBytes());
        return HexFormat.of().formatHex(digest, 0, 8);
    }

    private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}

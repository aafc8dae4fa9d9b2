package org.wirelab.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.wirelab.core.scenario.IpVersion;
import org.wirelab.core.scenario.Scenarios;
import org.wirelab.core.testing.Tshark;

/**
 * Issue 5 section 4: every pcap the simulator writes opens in tshark with no malformed frame, no bad
 * checksum (tshark's checksum validation on) and no expert error, for every scenario (the teaching
 * ones included), over IPv4 and IPv6, on the loopback and on a slow lossy link.
 */
class TsharkReadsSimulationTest {
    private static final Scenarios.Parameters SMALL = new Scenarios.Parameters(300_000, 200, 100);
    private static final String[] CHECKSUMS = {"-o", "tcp.check_checksum:TRUE", "-o", "udp.check_checksum:TRUE",
            "-o", "ip.check_checksum:TRUE"};

    @TempDir
    Path dir;

    static Stream<Arguments> runs() {
        return SimulatedScenarios.names().stream().flatMap(name -> Stream.of(
                Arguments.of(name, IpVersion.IPV4, 0.0),
                Arguments.of(name, IpVersion.IPV6, 0.0),
                Arguments.of(name, IpVersion.IPV4, 0.1)));
    }

    @ParameterizedTest(name = "{0} {1} loss {2}")
    @MethodSource("runs")
    void tsharkFindsNothingWrong(String name, IpVersion version, double loss) throws IOException {
        SimulatedScenarios.Setup setup = SimulatedScenarios.named(name, SMALL);
        SimulationOptions options = SimulationOptions.defaults().withIpVersion(version).withSeed(7);
        if (loss > 0) {
            options = options.withLink(options.link().withDelay(Duration.ofMillis(20)).withLoss(loss));
        }
        Path pcap = dir.resolve(name + ".pcap");
        SimulationResult result = Simulation.runToPcap(setup.scenario(), setup.options(options, loss > 0), pcap);
        assertTrue(Files.size(pcap) > 24, "frames were written");

        String problems = Tshark.run(concat("-r", pcap.toString(), "-Y",
                "_ws.malformed || _ws.expert.severity == error || ip.checksum.status == 0"
                        + " || tcp.checksum.status == 0 || udp.checksum.status == 0 || icmp.checksum.status == 0"));
        assertEquals("", problems, "tshark's complaints about " + pcap);

        List<String> rows = Tshark.run(concat("-r", pcap.toString(), "-T", "fields", "-e", "frame.number",
                "-e", "tcp.checksum.status", "-e", "udp.checksum.status", "-e", "icmp.checksum.status")).lines().toList();
        assertEquals(result.statistics().framesCaptured(), rows.size(), "every frame read");
        for (String row : rows) {
            String[] cells = row.split("\t", -1);
            String status = cells[1] + cells[2] + cells[3];
            assertTrue(status.startsWith("1"), "frame " + cells[0] + "'s checksum was verified good: " + row);
        }
    }

    private static String[] concat(String... args) {
        return Stream.concat(Stream.of(CHECKSUMS), Stream.of(args)).toArray(String[]::new);
    }
}

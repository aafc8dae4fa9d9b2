package org.wirelab.cli.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wirelab.capture.live.CaptureAvailability;
import org.wirelab.cli.CliRun;
import org.wirelab.core.testing.Environment;
import org.wirelab.core.testing.Tshark;

/** {@code wirelab capture --scenario}: a real run of the lab's programs, captured, drawn and written. */
class ScenarioCaptureCommandTest {
    @TempDir
    Path dir;

    @Test
    void tcpHelloIsCapturedWrittenAndDrawnAsShowDrawsTheFile() {
        requireCaptureAndTshark();
        Path file = dir.resolve("hello.pcap");
        CliRun run = CliRun.of("capture", "--scenario", "tcp-hello", "--free-ports", "--out", file.toString());
        assertEquals(0, run.exitCode(), run.err());
        CliRun show = CliRun.of("show", file.toString());
        String diagram = show.out().substring(0, show.out().lastIndexOf("\n\n") + 1);
        assertEquals(diagram, run.out(), "the diagram printed after the capture is the file's diagram");
        List<String[]> rows = Tshark.fields(file, List.of("tcp.flags"));
        assertEquals(List.of("0x0002", "0x0012", "0x0010", "0x0018", "0x0010"),
                rows.subList(1, 6).stream().map(row -> row[0]).toList(), "handshake, data, its ACK");
        assertTrue(run.err().contains("client  sends 14 bytes \"hello serveur\\n\""), run.err());
        String counts = run.errLines().get(run.errLines().size() - 1);
        assertTrue(counts.startsWith("lo: " + (rows.size() - 1) + " frames captured;") && counts.contains("dropped 0"),
                counts);
    }

    @Test
    void ipv6RunsTheScenarioOnColonColonOne() {
        requireCaptureAndTshark();
        Path file = dir.resolve("echo6.pcap");
        CliRun run = CliRun.of("capture", "--scenario", "udp-echo", "--ipv6", "--free-ports", "--out", file.toString());
        assertEquals(0, run.exitCode(), run.err());
        List<String[]> rows = Tshark.fields(file, List.of("ipv6.src", "ipv6.dst", "udp.length"));
        assertEquals(3, rows.size(), "two datagrams");
        for (String[] row : rows.subList(1, 3)) {
            assertEquals(List.of("::1", "::1"), List.of(row[0], row[1]));
        }
        assertEquals(List.of("25", "23"), List.of(rows.get(1)[2], rows.get(2)[2]), "8 + 17 and 8 + 15 bytes");
    }

    @Test
    void anUnknownScenarioIsOneLineNamingTheScenariosThereAre() {
        CliRun run = CliRun.of("capture", "--scenario", "tcp-helo", "--out", dir.resolve("x.pcap").toString());
        assertEquals(1, run.exitCode());
        assertEquals(1, run.errLines().size(), run.err());
        assertTrue(run.err().contains("tcp-hello, udp-echo"), run.err());
    }

    @Test
    void aDurationDoesNotApplyToAScenario() {
        CliRun run = CliRun.of("capture", "--scenario", "tcp-hello", "--duration", "5s", "--out",
                dir.resolve("x.pcap").toString());
        assertEquals(1, run.exitCode());
        assertEquals(List.of("wirelab capture: --duration and --interface go with --port; a scenario runs on lo until it ends"),
                run.errLines());
    }

    private static void requireCaptureAndTshark() {
        CaptureAvailability.check().ifPresent(problem -> Environment.missing(problem.message()));
        Tshark.require();
    }
}

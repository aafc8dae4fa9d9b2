package org.wirelab.cli.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wirelab.capture.live.CaptureAvailability;
import org.wirelab.cli.CliRun;
import org.wirelab.cli.Main;
import org.wirelab.core.testing.Environment;
import org.wirelab.core.testing.HeldPort;
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

    /** A student's server on the lab's port 3000: the scenario moves to a free port by itself and says so. */
    @Test
    void aTakenLabPortMovesTheScenarioToAFreePortAndSaysSo() {
        requireCaptureAndTshark();
        Path file = dir.resolve("moved.pcap");
        try (HeldPort student = HeldPort.tcp(3000)) {
            CliRun run = CliRun.of("capture", "--scenario", "tcp-hello", "--out", file.toString());
            assertEquals(0, run.exitCode(), run.err());
            java.util.regex.Matcher moved = java.util.regex.Pattern.compile(
                    "wirelab capture: port 3000 is already in use by another program, so tcp-hello runs on port (\\d+) instead")
                    .matcher(run.errLines().get(0));
            assertTrue(moved.matches(), run.err());
            List<String[]> rows = Tshark.fields(file, List.of("tcp.flags", "tcp.dstport"));
            assertEquals(List.of("0x0002", moved.group(1)), List.of(rows.get(1)), "the SYN goes to the port named");
        }
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
        assertEquals(List.of("wirelab capture: --duration, --interface, --buffer-size and --immediate go with --port; a scenario runs on lo until it ends"),
                run.errLines());
    }

    /**
     * Without libpcap (a child JVM whose JNA looks only in an empty directory), the scenario is not run:
     * one line says what to install and offers the simulated run of the same scenario.
     */
    @Test
    void withoutLibpcapTheCommandSaysWhatToInstallAndOffersTheSimulator() throws Exception {
        Path empty = Files.createDirectory(dir.resolve("no-libraries"));
        Path out = dir.resolve("never.pcap");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djna.library.path=" + empty, "-Djna.platform.library.path=" + empty,
                "-Djna.tmpdir=" + dir.resolve("jna-tmp"), "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "capture", "--scenario", "udp-echo", "--ipv6", "--out", out.toString());
        Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        List<String> err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        if (err.isEmpty() || !err.get(0).contains("libpcap is not installed")) {
            Environment.missing("libpcap is found even with JNA's paths emptied: the no-libpcap path cannot be seen: " + err);
        }
        assertEquals(1, process.exitValue());
        assertEquals(1, err.size(), String.join("\n", err));
        assertTrue(err.get(0).startsWith("wirelab capture: cannot capture: libpcap is not installed"), err.get(0));
        assertTrue(err.get(0).contains("`sudo apt-get install libpcap0.8`"), err.get(0));
        assertTrue(err.get(0).endsWith("the simulator runs the same scenarios: `wirelab simulate --scenario udp-echo --ipv6`."),
                err.get(0));
        assertFalse(Files.exists(out), "nothing ran, nothing was written");
    }

    private static void requireCaptureAndTshark() {
        CaptureAvailability.check().ifPresent(problem -> Environment.missing(problem.message()));
        Tshark.require();
    }
}

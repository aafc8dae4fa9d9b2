package org.wirelab.cli.simulate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wirelab.cli.CliRun;
import org.wirelab.core.pcap.CaptureFiles;
import org.wirelab.core.scenario.Scenarios;
import org.wirelab.core.testing.Environment;
import org.wirelab.core.testing.Tshark;
import org.wirelab.simulator.SimulatedScenarios;

class SimulateCommandTest {
    /** The exit status of bad input (see wirelab --help). */
    private static final int INPUT_ERROR = 1;

    @TempDir
    Path dir;

    @Test
    void listDescribesEveryScenario() {
        CliRun run = CliRun.of("simulate", "--list");
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals(SimulatedScenarios.names().size(), lines.size());
        for (String name : SimulatedScenarios.names()) {
            assertTrue(lines.stream().anyMatch(line -> line.startsWith(name + " ")), name + " listed: " + run.out());
        }
        assertTrue(run.out().contains("lost-syn-ack") && run.out().contains("(simulator only)"));
        // Each scenario, live or teaching, names the real Linux captures it is checked against (LinuxReferenceTest).
        for (String name : List.of("lost-data", "chat", "tcp-bulk")) {
            String line = lines.stream().filter(l -> l.startsWith(name + " ")).findFirst().orElseThrow();
            assertTrue(line.endsWith("checked against real Linux: samples/reference/" + name + "-{client,server}.pcap"),
                    line);
        }
        for (String name : SimulatedScenarios.names()) {
            String reference = SimulatedScenarios.named(name, Scenarios.Parameters.DEFAULTS).reference();
            if (reference != null) {
                assertTrue(Files.exists(Environment.samples().resolve("reference/" + reference + "-client.pcap")),
                        name + " names a capture that exists");
            }
        }
    }

    @Test
    void writesThePcapAndPrintsItsLadder() throws IOException {
        Path pcap = dir.resolve("sim.pcap");
        CliRun run = CliRun.of("simulate", "--scenario", "tcp-hello", "--delay", "20ms", "--loss", "10%", "--seed", "7",
                "--ipv6", "--out", pcap.toString());
        assertEquals(0, run.exitCode(), run.err());
        int frames = CaptureFiles.read(pcap).frames().size();
        List<String[]> rows = Tshark.fields(pcap, List.of("frame.number", "ipv6.src", "tcp.dstport"));
        assertEquals(frames, rows.size() - 1, "tshark reads every frame");
        assertEquals("::1", rows.get(1)[1]);
        assertEquals("3000", rows.get(1)[2]);
        long arrows = run.out().lines().filter(line -> line.contains("|-") || line.contains("-|")).count();
        assertEquals(frames, arrows, "one arrow per frame:\n" + run.out());
        assertTrue(run.err().contains("client  connected to [::1]:3000"), run.err());
    }

    /** A long transfer draws its first frames and says how to see the rest, instead of a million rows. */
    @Test
    void aLongRunPrintsTheBeginningOfItsLadder() throws IOException {
        Path pcap = dir.resolve("bulk.pcap");
        CliRun run = CliRun.of("simulate", "--scenario", "tcp-bulk", "--bytes", "2000000", "--mtu", "1500", "--out", pcap.toString());
        assertEquals(0, run.exitCode(), run.err());
        int frames = CaptureFiles.read(pcap).frames().size();
        assertTrue(frames > SimulateCommand.LADDER_ROWS, frames + " frames");
        long arrows = run.out().lines().filter(line -> line.contains("|-") || line.contains("-|")).count();
        assertEquals(SimulateCommand.LADDER_ROWS, arrows, "the first frames only");
        assertTrue(run.out().contains(String.format(Locale.ROOT, "... the first %d of %,d frames; the whole"
                + " ladder: wirelab show %s", SimulateCommand.LADDER_ROWS, frames, pcap)), run.out());
        CliRun full = CliRun.of("simulate", "--scenario", "tcp-bulk", "--bytes", "2000000", "--mtu", "1500", "--full-ladder", "--out",
                dir.resolve("bulk-full.pcap").toString());
        assertEquals(frames, full.out().lines().filter(line -> line.contains("|-") || line.contains("-|")).count());
    }

    @Test
    void theSameSeedWritesTheSameFile() throws IOException {
        Path first = dir.resolve("a.pcap");
        Path second = dir.resolve("b.pcap");
        String[] args = {"simulate", "--scenario", "chat", "--delay", "5ms", "--loss", "0.2", "--seed", "3", "--out"};
        assertEquals(0, CliRun.of(concat(args, first.toString())).exitCode());
        assertEquals(0, CliRun.of(concat(args, second.toString())).exitCode());
        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second));
    }

    @Test
    void aFailedScenarioKeepsItsFileAndSaysWhy() {
        Path pcap = dir.resolve("lost.pcap");
        CliRun run = CliRun.of("simulate", "--scenario", "tcp-hello", "--loss", "1", "--out", pcap.toString());
        assertEquals(INPUT_ERROR, run.exitCode(), run.err());
        assertTrue(Files.exists(pcap));
        assertTrue(run.err().contains("did not go as described"), run.err());
        assertTrue(run.err().contains("7 SYNs"), "gave up after the SYN and its 6 retries: " + run.err());
    }

    @Test
    void aDroppedFrameIsStillInTheFileAndIsSentAgain() {
        Path pcap = dir.resolve("drop.pcap");
        CliRun run = CliRun.of("simulate", "--scenario", "tcp-hello", "--delay", "10ms", "--drop-frame", "4",
                "--out", pcap.toString());
        assertEquals(0, run.exitCode(), run.err());
        List<String[]> rows = Tshark.fields(pcap, List.of("frame.number", "tcp.len", "tcp.analysis.retransmission"));
        assertEquals("14", rows.get(4)[1], "frame 4, the 14 bytes, was captured as it left");
        long again = rows.stream().skip(1).filter(row -> !row[2].isEmpty()).count();
        assertEquals(1, again, "and tshark sees it sent again");
        assertTrue(run.err().contains("1 lost on the way, 1 sent again"), run.err());
        assertTrue(run.err().contains("lost on the way, though in the file: frame 4\n"), run.err());
    }

    @Test
    void badInputIsOneLine() {
        CliRun unknown = CliRun.of("simulate", "--scenario", "nope", "--out", dir.resolve("x.pcap").toString());
        assertEquals(INPUT_ERROR, unknown.exitCode());
        assertEquals(1, unknown.errLines().size(), unknown.err());
        assertTrue(unknown.err().contains("simultaneous-close"), "lists the scenarios: " + unknown.err());

        CliRun badLoss = CliRun.of("simulate", "--scenario", "tcp-hello", "--loss", "150%", "--out", "x.pcap");
        assertTrue(badLoss.exitCode() != 0);
        assertTrue(badLoss.err().contains("between 0 and 1"), badLoss.err());

        CliRun badBandwidth = CliRun.of("simulate", "--scenario", "tcp-hello", "--bandwidth", "fast", "--out", "x.pcap");
        assertTrue(badBandwidth.exitCode() != 0);
        assertTrue(badBandwidth.err().contains("is not a bandwidth"), badBandwidth.err());

        CliRun noOut = CliRun.of("simulate", "--scenario", "tcp-hello");
        assertEquals(INPUT_ERROR, noOut.exitCode());
        assertTrue(noOut.err().contains("--out FILE is required"), noOut.err());
    }

    private static String[] concat(String[] args, String last) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 1);
        all[args.length] = last;
        return all;
    }
}

package org.wirelab.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.wirelab.core.scenario.Scenarios;
import org.wirelab.core.testing.Tshark;
import org.wirelab.simulator.net.Packet.Marks;

/**
 * Issue 5 section 4: tshark's TCP analysis flags appear on exactly the frames where the simulator says
 * it retransmitted, repeated an ACK, advertised a zero window, probed it or updated it; tshark is the
 * referee, run on the pcap the simulator wrote.
 */
class TsharkAnalysisAgreesTest {
    private static final List<String> FIELDS = List.of("frame.number", "tcp.analysis.retransmission",
            "tcp.analysis.fast_retransmission", "tcp.analysis.spurious_retransmission", "tcp.analysis.out_of_order",
            "tcp.analysis.keep_alive", "tcp.analysis.duplicate_ack",
            "tcp.analysis.zero_window", "tcp.analysis.zero_window_probe", "tcp.analysis.window_update");

    @TempDir
    Path dir;

    static Stream<Arguments> runs() {
        List<Arguments> runs = new ArrayList<>();
        for (String name : List.of(SimulatedScenarios.LOST_SYN_ACK, SimulatedScenarios.LOST_DATA,
                SimulatedScenarios.FAST_RETRANSMIT, SimulatedScenarios.SLOW_READER, SimulatedScenarios.SIMULTANEOUS_CLOSE)) {
            runs.add(Arguments.of(name, 0.0, 1L));
        }
        for (long seed = 1; seed <= 4; seed++) {
            runs.add(Arguments.of(Scenarios.TCP_BULK, 0.02, seed));
            runs.add(Arguments.of(Scenarios.CHAT, 0.1, seed));
        }
        return runs.stream();
    }

    @ParameterizedTest(name = "{0} loss {1} seed {2}")
    @MethodSource("runs")
    void flagsAreWhereTheSimulatorPutThem(String name, double loss, long seed) throws IOException {
        SimulatedScenarios.Setup setup = SimulatedScenarios.named(name, new Scenarios.Parameters(200_000, 10, 10));
        SimulationOptions base = SimulationOptions.defaults().withSeed(seed);
        if (loss > 0) {
            base = base.withLink(base.link().withDelay(Duration.ofMillis(10)).withLoss(loss))
                    .withTcp(base.tcp().withMtu(1500));
        }
        Path pcap = dir.resolve(name + ".pcap");
        SimulationResult result = Simulation.runToPcap(setup.scenario(), setup.options(base, loss > 0), pcap);

        List<String> disagreements = new ArrayList<>();
        boolean anyFlag = false;
        List<String[]> rows = Tshark.fields(pcap, FIELDS);
        for (String[] row : rows.subList(1, rows.size())) {
            int frame = Integer.parseInt(row[0]);
            int marks = result.marks().of(frame);
            String tshark = tsharkFlags(row, marks);
            String simulator = simulatorFlags(marks);
            anyFlag |= !tshark.isEmpty();
            if (!tshark.equals(simulator)) {
                disagreements.add("frame " + frame + ": tshark [" + tshark + "], simulator [" + simulator + "]");
            }
        }
        assertEquals(List.of(), disagreements, name + " loss " + loss + " seed " + seed);
        if (loss > 0 || !name.equals(SimulatedScenarios.SIMULTANEOUS_CLOSE)) {
            assertFalse(!anyFlag && result.statistics().retransmissions() > 0, "retransmissions, and tshark saw them");
        }
    }

    /**
     * tshark's flags in the simulator's words. A segment that does not advance the sequence number is
     * a retransmission, which tshark names by heuristics: "fast" after two duplicate ACKs, "out-of-order"
     * within 3 ms of a later segment, "keep-alive" for one byte or none just below the next sequence
     * number, which is how Linux probes a zero window.
     * Its "fast" is checked one way only: every fast retransmission the simulator made is one for
     * tshark, but NewReno's next retransmissions in the same recovery (RFC 6582) may be too.
     */
    private static String tsharkFlags(String[] row, int marks) {
        List<String> flags = new ArrayList<>();
        boolean fast = !row[2].isEmpty();
        // Linux's zero-window probe (no data, SND.UNA - 1) is a keep-alive to tshark.
        boolean probe = !row[5].isEmpty() && (marks & Marks.ZERO_WINDOW_PROBE) != 0;
        if (probe) {
            flags.add("zero window probe");
        } else if (!row[1].isEmpty() || fast || !row[3].isEmpty() || !row[4].isEmpty() || !row[5].isEmpty()) {
            boolean simulatorFast = (marks & Marks.FAST_RETRANSMISSION) != 0;
            flags.add(simulatorFast && fast ? "fast retransmission" : "retransmission");
        }
        addIf(flags, row[6], "duplicate ACK");
        addIf(flags, row[7], "zero window");
        addIf(flags, row[8], "zero window probe");
        addIf(flags, row[9], "window update");
        return String.join(", ", flags);
    }

    private static String simulatorFlags(int marks) {
        List<String> flags = new ArrayList<>();
        if ((marks & Marks.RETRANSMISSION) != 0) {
            flags.add((marks & Marks.FAST_RETRANSMISSION) != 0 ? "fast retransmission" : "retransmission");
        }
        if ((marks & Marks.DUPLICATE_ACK) != 0) {
            flags.add("duplicate ACK");
        }
        if ((marks & Marks.ZERO_WINDOW) != 0) {
            flags.add("zero window");
        }
        if ((marks & Marks.ZERO_WINDOW_PROBE) != 0) {
            flags.add("zero window probe");
        }
        if ((marks & Marks.WINDOW_UPDATE) != 0) {
            flags.add("window update");
        }
        return String.join(", ", flags);
    }

    private static void addIf(List<String> flags, String cell, String flag) {
        if (!cell.isEmpty()) {
            flags.add(flag);
        }
    }
}

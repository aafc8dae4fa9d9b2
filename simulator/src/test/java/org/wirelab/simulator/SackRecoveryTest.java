package org.wirelab.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wirelab.core.scenario.Scenarios;
import org.wirelab.core.testing.Tshark;
import org.wirelab.simulator.net.Fault;
import org.wirelab.simulator.tcp.TcpConfig;

/**
 * Loss recovery with SACK (RFC 6675): three segments lost in one window are each sent again once,
 * the first by fast retransmit, the two others together as soon as the pipe leaves room, a round trip
 * later; NewReno alone would find one hole per round trip (RFC 6582), the last two round trips after
 * the first. tshark reads the capture: the SACK blocks, and which segments it calls retransmissions
 * (or, by its timing heuristic, out-of-order).
 */
class SackRecoveryTest {
    private static final Duration DELAY = Duration.ofMillis(10);

    @TempDir
    Path dir;

    @Test
    void threeHolesInOneWindowAreFilledInOneRoundTrip() throws IOException {
        // The client's segments: SYN, ACK, then data; the 6th, 8th and 11th are the 4th, 6th and 9th
        // data segments, all in the first window of ten.
        SimulationOptions defaults = SimulationOptions.defaults();
        SimulationOptions options = defaults.withTcp(defaults.tcp().withMtu(TcpConfig.ETHERNET_MTU))
                .withLink(defaults.link().withDelay(DELAY))
                .withFaults(List.of(new Fault.DropNthSegment(true, 6), new Fault.DropNthSegment(true, 8),
                        new Fault.DropNthSegment(true, 11)));
        Path pcap = dir.resolve("sack.pcap");
        SimulationResult result = Simulation.runToPcap(Scenarios.tcpBulk(60 * 1448L), options, pcap);
        assertTrue(result.log().succeeded(), String.join("\n", result.log().lines()));

        List<String[]> rows = Tshark.fields(pcap, List.of("frame.number", "frame.time_relative", "tcp.srcport",
                "tcp.seq", "tcp.len", "tcp.analysis.retransmission", "tcp.analysis.fast_retransmission",
                "tcp.options.sack_le", "tcp.analysis.out_of_order", "tcp.analysis.spurious_retransmission"));
        String clientPort = rows.get(1)[2];
        List<Long> lostSequences = new ArrayList<>();
        List<Long> resentSequences = new ArrayList<>();
        List<Double> resentAt = new ArrayList<>();
        double firstSack = -1;
        int dataSegment = 0;
        for (String[] row : rows.subList(1, rows.size())) {
            boolean fromClient = row[2].equals(clientPort);
            boolean resent = !row[5].isEmpty() || !row[6].isEmpty() || !row[8].isEmpty() || !row[9].isEmpty();
            if (fromClient && Long.parseLong(row[4]) > 0 && !resent) {
                dataSegment++;
                if (dataSegment == 4 || dataSegment == 6 || dataSegment == 9) {
                    lostSequences.add(Long.parseLong(row[3]));
                }
            }
            if (fromClient && resent) {
                resentSequences.add(Long.parseLong(row[3]));
                resentAt.add(Double.parseDouble(row[1]));
            }
            if (!fromClient && !row[7].isEmpty() && firstSack < 0) {
                firstSack = Double.parseDouble(row[1]);
            }
        }
        assertEquals(lostSequences, resentSequences, "each lost segment sent again once, nothing else");
        assertTrue(firstSack > 0, "the receiver reported what it got beyond the first hole");
        double roundTrip = 2 * DELAY.toNanos() / 1e9;
        assertTrue(resentAt.get(2) - resentAt.get(1) < roundTrip / 10, "the second and third holes together: " + resentAt);
        assertTrue(resentAt.get(1) - resentAt.get(0) < 1.5 * roundTrip, "a round trip after the first: " + resentAt);
        assertEquals(3, result.statistics().retransmissions(), "no timeout: nothing sent a fourth time");
    }
}

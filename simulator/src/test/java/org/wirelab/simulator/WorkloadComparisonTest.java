package org.wirelab.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wirelab.core.compare.Comparison;
import org.wirelab.core.compare.Delivery;
import org.wirelab.core.compare.FrameRole;
import org.wirelab.core.compare.RecordedRun;
import org.wirelab.core.compare.TransportCost;
import org.wirelab.core.compare.WireBytes;
import org.wirelab.core.compare.Workload;
import org.wirelab.core.compare.WorkloadRunner;

/**
 * Issue 6 section 3, in the simulator: the same workload over UDP and TCP gives the counts the
 * protocols' rules predict, and under a seeded loss UDP delivers what the link let through while TCP
 * delivers everything, in order, by retransmitting.
 */
class WorkloadComparisonTest {
    private static final int N = 40;
    /** Ethernet, IPv4 and UDP headers of every datagram. */
    private static final int UDP_HEADERS = 14 + 20 + 8;

    @Test
    void withoutLossTheCountsAreTheModels() throws IOException {
        Workload workload = new Workload(N, 512, Workload.Pattern.ECHO);
        Comparison comparison = Comparison.run(workload, "test", runner(SimulationOptions.defaults(), new ArrayList<>()));

        TransportCost udp = comparison.udp().cost();
        assertEquals(new WireBytes(2 * N, 2L * N * (UDP_HEADERS + 512), 14L * 2 * N, 20L * 2 * N, 8L * 2 * N, 512L * 2 * N),
                udp.bytes(), "2N datagrams for N echoed messages, each 42 header bytes and 512 of payload");
        assertEquals(2 * N, udp.count(FrameRole.DATA));
        assertEquals(0, udp.overheadFrames(), "UDP sends nothing but the messages");

        TransportCost tcp = comparison.tcp().cost();
        assertEquals(3, tcp.count(FrameRole.HANDSHAKE), "SYN, SYN-ACK, ACK");
        assertEquals(2 * N, tcp.count(FrameRole.DATA), "each message and its echo in a segment of its own");
        assertEquals(3, tcp.count(FrameRole.TEARDOWN), "FIN from each side and the last ACK");
        assertEquals(0, tcp.count(FrameRole.RETRANSMISSION));
        assertEquals(0, tcp.count(FrameRole.RESET));
        assertEquals(512L * 2 * N, tcp.bytes().payload());
        // Every TCP segment carries Linux's timestamps option: a 32-byte header after the handshake.
        long synHeaders = 2 * 40;
        assertEquals(synHeaders + 32 * (tcp.bytes().frames() - 2), tcp.bytes().transport());
        assertEquals(14 * tcp.bytes().frames(), tcp.bytes().link());

        for (var result : List.of(comparison.udp(), comparison.tcp())) {
            assertEquals(new Delivery(N, N, 0, 0, 0), result.messages(), result.transport() + " requests");
            assertEquals(new Delivery(N, N, 0, 0, 0), result.echoes(), result.transport() + " echoes");
        }
        assertTrue(tcp.timeToFirstPayloadNanos() > udp.timeToFirstPayloadNanos(), "TCP pays its handshake first");
    }

    @Test
    void underSeededLossUdpDeliversWhatTheLinkLetThroughAndTcpDeliversEverythingInOrder() throws IOException {
        Workload workload = new Workload(200, 256, Workload.Pattern.ONE_WAY);
        // An Ethernet MTU, so that TCP needs some thirty segments (on lo's 65536 it would need two).
        SimulationOptions lossy = SimulationOptions.defaults().withSeed(7)
                .withLink(SimulationOptions.LOOPBACK.withDelay(Duration.ofMillis(10)).withLoss(0.10));
        lossy = lossy.withTcp(lossy.tcp().withMtu(1500));
        List<SimulationResult> results = new ArrayList<>();
        Comparison comparison = Comparison.run(workload, "test", runner(lossy, results));

        long udpLost = results.get(0).statistics().packetsLost();
        assertTrue(udpLost > 0, "10% of 200 datagrams: some are lost");
        assertEquals(new Delivery(200, 200 - udpLost, udpLost, 0, 0), comparison.udp().messages(),
                "the server received every datagram the link did not drop, and only those");

        assertEquals(new Delivery(200, 200, 0, 0, 0), comparison.tcp().messages(), "TCP: all, once, in order");
        TransportCost tcp = comparison.tcp().cost();
        assertEquals(results.get(1).statistics().retransmissions(), tcp.count(FrameRole.RETRANSMISSION),
                "the retransmissions the analysis finds are the ones the simulator made");
        assertTrue(tcp.count(FrameRole.RETRANSMISSION) > 0);
        assertEquals(256L * 200, tcp.newPayload());
    }

    @Test
    void theSameSeedGivesTheSameComparisonAndAnotherSeedAnotherLossPattern() throws IOException {
        Workload workload = new Workload(100, 100, Workload.Pattern.ECHO);
        SimulationOptions lossy = SimulationOptions.defaults()
                .withLink(SimulationOptions.LOOPBACK.withDelay(Duration.ofMillis(5)).withLoss(0.2));
        Delivery first = Comparison.run(workload, "", runner(lossy.withSeed(3), new ArrayList<>())).udp().echoes();
        Delivery again = Comparison.run(workload, "", runner(lossy.withSeed(3), new ArrayList<>())).udp().echoes();
        Delivery other = Comparison.run(workload, "", runner(lossy.withSeed(4), new ArrayList<>())).udp().echoes();
        assertEquals(first, again);
        assertTrue(!first.equals(other) || first.delivered() == 100, "seed 4 loses other datagrams than seed 3");
    }

    private static WorkloadRunner runner(SimulationOptions options, List<SimulationResult> results) {
        return scenario -> {
            SimulationResult result = Simulation.run(scenario, options);
            results.add(result);
            assertTrue(result.log().succeeded(), String.join("\n", result.log().lines()));
            return new RecordedRun(result.frames(), result.log());
        };
    }
}

package org.wirelab.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wirelab.core.analysis.CaptureAnalysis;
import org.wirelab.core.scenario.Scenarios;
import org.wirelab.core.tcpstate.TcpState;
import org.wirelab.core.tcpstate.TcpStateTimeline;
import org.wirelab.core.tcpstate.TcpStates;
import org.wirelab.core.testing.Tshark;
import org.wirelab.simulator.net.Fault;
import org.wirelab.simulator.net.Packet.Marks;

/**
 * The capture sees a frame leave before the network can lose it, as tcpdump on the sender does; the
 * simulator, which knows, marks those frames as lost, so a view can say that the receiver never got them.
 */
class LostFramesTest {
    @TempDir
    Path dir;

    @Test
    void aDroppedFrameIsInTheCaptureMarkedLostAndSentAgain() throws IOException {
        SimulationOptions options = SimulationOptions.defaults().withFaults(List.of(new Fault.DropFrame(4)));
        Path pcap = dir.resolve("dropped.pcap");
        SimulationResult result = Simulation.runToPcap(Scenarios.tcpHello(), options, pcap);
        assertEquals(List.of(4), result.marks().framesWith(Marks.LOST));
        List<String[]> rows = Tshark.fields(pcap, List.of("frame.number", "tcp.seq", "tcp.len",
                "tcp.analysis.retransmission"));
        String[] lost = rows.get(4);
        assertEquals("14", lost[2], "frame 4 is the data segment, captured as it left");
        assertTrue(rows.stream().skip(5).anyMatch(row -> row[1].equals(lost[1]) && !row[3].isEmpty()),
                "a later frame sends the same bytes again, and tshark calls it a retransmission");
    }

    @Test
    void underRandomLossEveryLostPacketIsAMarkedFrame() {
        SimulationOptions lossy = SimulationOptions.defaults().withSeed(5)
                .withLink(SimulationOptions.LOOPBACK.withDelay(Duration.ofMillis(5)).withLoss(0.1));
        lossy = lossy.withTcp(lossy.tcp().withMtu(1500));
        SimulationResult result = Simulation.run(Scenarios.tcpBulk(100_000), lossy);
        long lost = result.statistics().packetsLost();
        assertTrue(lost > 0);
        assertEquals(lost, result.marks().framesWith(Marks.LOST).size(),
                "one host talking to itself: every packet is captured as it leaves, so every loss is a frame");
    }

    @Test
    void aLostFinMovesItsSenderOnlyAndTheRetransmittedOneClosesTheConnection() {
        // tcp-hello over 10 ms: frame 5 is the client's FIN; lose it.
        SimulationOptions options = SimulationOptions.defaults()
                .withLink(SimulationOptions.LOOPBACK.withDelay(Duration.ofMillis(10)))
                .withFaults(List.of(new Fault.DropFrame(5)));
        SimulationResult result = Simulation.run(Scenarios.tcpHello(), options);
        CaptureAnalysis analysis = CaptureAnalysis.of(result.frames());
        assertEquals(0x011, analysis.packets().tcpFlags(4), "frame 5 is a FIN, ACK");
        TcpStateTimeline guessed = TcpStates.of(analysis);
        TcpStateTimeline known = TcpStates.of(analysis, index -> (result.marks().of(index + 1) & Marks.LOST) == 0);
        assertEquals(TcpState.ESTABLISHED, guessed.stateAfter(4, 1),
                "from the capture alone too: nothing acknowledges the FIN before it is sent again");
        assertEquals(TcpState.ESTABLISHED, known.stateAfter(4, 1), "it did not: the server is still ESTABLISHED");
        assertEquals(TcpState.FIN_WAIT_1, known.stateAfter(4, 0), "the client sent it all the same");
        int last = analysis.size() - 1;
        assertEquals(TcpState.TIME_WAIT, known.stateAfter(last, 0), "the retransmitted FIN closes the connection");
        assertEquals(TcpState.TIME_WAIT, known.stateAfter(last, 1));
    }
}

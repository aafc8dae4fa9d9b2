package org.wirelab.simulator.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wirelab.core.frame.FrameStore;
import org.wirelab.core.scenario.Scenarios;
import org.wirelab.core.tcpstate.TcpState;
import org.wirelab.simulator.Simulation;
import org.wirelab.simulator.SimulationOptions;
import org.wirelab.simulator.SimulationResult;
import org.wirelab.simulator.net.Fault;
import org.wirelab.simulator.net.LinkConfig;

/** Issue 5 sections 2 and 4: with everything lost, a connection gives up after its retries, as Linux does. */
class GiveUpTest {

    @Test
    void aSynNeverAnsweredIsSentSevenTimesThenTheConnectFails() {
        SimulationOptions options = SimulationOptions.defaults();
        SimulationResult result = Simulation.run(Scenarios.tcpHello(), options.withLink(options.link().withLoss(1.0)));

        FrameStore frames = result.frames();
        List<Long> seconds = new ArrayList<>();
        for (int i = 0; i < frames.size(); i++) {
            seconds.add((frames.timestampNanos(i) - frames.timestampNanos(0)) / 1_000_000_000L);
        }
        // tcp_syn_retries = 6, the first RTO 1 s (RFC 6298 section 2.1), doubled each time (section 5.5).
        assertEquals(List.of(0L, 1L, 3L, 7L, 15L, 31L, 63L), seconds);
        assertEquals(1, result.log().failures().size());
        assertTrue(result.log().failures().get(0).text().contains("no answer to 7 SYNs"), result.log().lines().toString());
        assertEquals(127_000, result.log().failures().get(0).elapsedNanos() / 1_000_000,
                "the connect fails when the last wait (64 s) ends");
    }

    @Test
    void dataNeverAcknowledgedIsSentFifteenMoreTimesThenTheConnectionIsGivenUp() {
        List<Long> sent = new ArrayList<>();
        LinkConfig link = LinkConfig.PERFECT.withDelay(Duration.ofMillis(10));
        // The cable is cut once the SYN-ACK is on its way (at 15 ms): the data and all its retransmissions are lost.
        Transfer transfer = new Transfer(1, link, TcpConfig.linux(), 1000, List.of(new Fault.CutAt(Duration.ofMillis(15))),
                (time, bytes, length, packet) -> {
                    if (length > 100) { // the data (the rest are SYNs and bare ACKs)
                        sent.add(time);
                    }
                });
        transfer.run(Duration.ofHours(2));

        assertEquals(TcpState.CLOSED, transfer.sender.state());
        assertTrue(transfer.clientFailure.contains("after 15 retransmissions"), transfer.clientFailure);
        assertEquals(16, sent.size(), "the segment, then tcp_retries2 = 15 retransmissions: " + sent);
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < sent.size(); i++) {
            gaps.add(sent.get(i) - sent.get(i - 1));
        }
        // The first copy is the tail loss probe (RFC 8985 section 7), due 2 SRTT + 200 ms after the data
        // but no later than the RTO; then the retransmission timer runs a whole RTO, and backs off.
        assertTrue(gaps.get(0) <= gaps.get(1), "the probe comes no later than the RTO would: " + gaps);
        for (int i = 2; i < gaps.size(); i++) {
            long expected = Math.min(2 * gaps.get(i - 1), Duration.ofSeconds(120).toNanos());
            assertEquals(expected, gaps.get(i), "each wait doubles up to 120 s: " + gaps);
        }
        assertEquals(Duration.ofSeconds(120).toNanos(), gaps.get(gaps.size() - 1));
        assertEquals(0, transfer.received);
    }
}

package org.wirelab.simulator.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wirelab.core.protocol.tcp.Tcp;
import org.wirelab.core.tcpstate.TcpState;
import org.wirelab.simulator.SimulatedScenarios;
import org.wirelab.simulator.SimulationResult;
import org.wirelab.simulator.reference.Wire.Segment;
import org.wirelab.simulator.tcp.StateChange;

/**
 * How a connection ends, against real Linux (samples/reference, made by samples/make/linux-reference.sh
 * over a 10 ms link): a last ACK lost, answered again from TIME-WAIT; data that reaches a socket closed
 * by close(), answered by a RST. Segment for segment each way, as LinuxReferenceTest's table compares
 * them, and here the segments and delays that matter, within the tolerance each test states.
 */
class TeardownReferenceTest {
    private static final long MS = 1_000_000L;

    @Test
    void aLostLastAckIsAnsweredAgainFromTimeWait() {
        Reference r = Reference.of(SimulatedScenarios.LOST_LAST_ACK);
        String both = r.sideBySide();
        // The client's segments, the lost ACK of the server's FIN included (the client's capture has
        // it), then the same ACK again for the FIN sent again; the server's FIN twice.
        for (Reference.Side side : List.of(r.real(), r.simulated())) {
            List<Segment> fins = side.server().stream().filter(s -> s.has(Tcp.FIN)).toList();
            assertEquals(2, fins.size(), side.name() + ": the server's FIN and its retransmission\n" + both);
            // The server's retransmission timer: 200 ms minimum plus the round trip, 228 ms real (on a
            // busy machine's 20-29 ms round trips), 220 ms simulated. Tolerance 15 ms.
            long again = fins.get(1).timeNanos() - fins.get(0).timeNanos();
            assertEquals(228 * MS, again, 15 * MS, side.name() + "\n" + both);
            List<Segment> clientAcks = side.client();
            Segment lost = clientAcks.get(clientAcks.size() - 2);
            Segment answer = clientAcks.get(clientAcks.size() - 1);
            assertEquals(lost.text(), answer.text(), side.name() + ": the same ACK again\n" + both);
        }
        // The client stays in TIME-WAIT through it; the server reaches CLOSED only on the second ACK.
        Segment secondAck = r.simulatedClient.get(r.simulatedClient.size() - 1);
        long start = r.simulatedClient.get(0).timeNanos();
        assertEquals(List.of(TcpState.TIME_WAIT, TcpState.LAST_ACK), r.simulation.statesAt(secondAck.timeNanos() - start - 1)
                .stream().map(SimulationResult.EndpointState::state).toList(), both);
        StateChange serverClosed = r.simulation.states().stream()
                .filter(c -> c.endpoint().equals("server") && c.to() == TcpState.CLOSED).findFirst().orElseThrow();
        assertEquals(TcpState.LAST_ACK, serverClosed.from(), both);
        assertTrue(serverClosed.timeNanos() > secondAck.timeNanos() - start, "closed by the second ACK: " + both);
    }

    @Test
    void dataAfterCloseIsAnsweredByABareReset() {
        Reference r = Reference.of(SimulatedScenarios.RST_AFTER_CLOSE);
        String both = r.sideBySide();
        for (Reference.Side side : List.of(r.real(), r.simulated())) {
            // The answer to the second line: a RST at the acknowledgment number that line carried (the
            // server's FIN + 1), without ACK nor window, as a closed port answers (tcp_v4_send_reset).
            Segment reset = side.server().get(side.server().size() - 1);
            Segment line = side.client().get(side.client().size() - 1);
            assertEquals(Tcp.RST, reset.flags(), side.name() + "\n" + both);
            assertEquals(line.ack(), reset.seq(), side.name() + "\n" + both);
            assertEquals(2, reset.seq(), side.name() + "\n" + both);
            assertEquals(0, reset.window(), side.name() + "\n" + both);
            assertEquals(17, line.length(), side.name() + "\n" + both);
            // The client, which had received nothing before the FIN, acknowledges it on the kernel's next
            // clock tick (its ACK timeout is still 0): 1.9 ms real, at most 4 ms simulated.
            Segment fin = side.server().stream().filter(s -> s.has(Tcp.FIN)).findFirst().orElseThrow();
            Segment finAck = side.client().stream().filter(s -> s.ack() == fin.seq() + 1).findFirst().orElseThrow();
            long delay = finAck.timeNanos() - fin.timeNanos();
            assertTrue(delay < 10 * MS + 5 * MS, side.name() + ": the FIN's ACK after " + delay / 1e6 + " ms\n" + both);
        }
        // The second line leaves 100 ms after the first (the program's pause). Tolerance 5 ms.
        assertEquals(lineGap(r.realClient), lineGap(r.simulatedClient), 5 * MS, both);
        // The reset ends both: the server at once, the client when the RST arrives.
        assertEquals(List.of(), r.simulation.statesAt(Long.MAX_VALUE), both);
        assertFalse(r.simulation.states().stream().anyMatch(c -> c.to() == TcpState.TIME_WAIT), both);
    }

    /** Between the client's first and second lines. */
    private static long lineGap(List<Segment> client) {
        List<Segment> lines = client.stream().filter(s -> s.length() > 0).toList();
        return lines.get(1).timeNanos() - lines.get(0).timeNanos();
    }
}

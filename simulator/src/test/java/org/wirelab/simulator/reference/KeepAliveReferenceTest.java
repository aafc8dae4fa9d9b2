package org.wirelab.simulator.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wirelab.simulator.SimulatedScenarios;
import org.wirelab.simulator.reference.Wire.Segment;

/**
 * Keep-alive against real Linux (samples/reference/keep-alive-*.pcap: SO_KEEPALIVE with TCP_KEEPIDLE
 * and TCP_KEEPINTVL of 1 s, the client idle 2.5 s after its line, 10 ms each way).
 */
class KeepAliveReferenceTest {
    private static final long MS = 1_000_000L;

    @Test
    void anIdleConnectionIsProbedAsLinuxProbesIt() {
        Reference r = Reference.of(SimulatedScenarios.KEEP_ALIVE);
        String both = r.sideBySide();
        // Segment for segment each way (LinuxReferenceTest's table): two probes (no data, Seq=14, one below
        // what the server has acknowledged, so that it must answer), each answered by an ACK that repeats Ack=15.
        for (Reference.Side side : List.of(r.real(), r.simulated())) {
            List<Segment> probes = side.client().stream().filter(s -> s.length() == 0 && s.seq() == 14).toList();
            assertEquals(2, probes.size(), side.name() + "\n" + both);
            // The first probe 1 s after the client last received something (the server's ACK of the
            // line), the second 1 s after the answer to the first (Linux's timer runs on a 4 ms tick).
            // Measured from when the server sent the segment before each, one way earlier: 1013.9 and
            // 1021.6 ms real, 1010 and 1010 simulated. Tolerance 20 ms.
            for (Segment probe : probes) {
                Segment before = side.server().stream().filter(s -> s.timeNanos() < probe.timeNanos())
                        .reduce((a, b) -> b).orElseThrow();
                long idle = probe.timeNanos() - before.timeNanos();
                assertEquals(1010 * MS, idle, 20 * MS, side.name() + ": probe " + probe.text() + "\n" + both);
            }
            Segment fin = side.client().stream().filter(s -> s.has(org.wirelab.core.protocol.tcp.Tcp.FIN))
                    .findFirst().orElseThrow();
            assertTrue(fin.timeNanos() - side.client().get(0).timeNanos() > 2500 * MS, side.name() + "\n" + both);
        }
    }
}

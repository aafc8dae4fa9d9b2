package org.wirelab.simulator.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wirelab.core.scenario.Scenarios;
import org.wirelab.simulator.Simulation;
import org.wirelab.simulator.SimulationOptions;
import org.wirelab.simulator.SimulationResult;
import org.wirelab.simulator.net.Fault;

/**
 * RFC 2883 section 4.1.2: a second copy of data the receiver holds beyond a gap is reported by a
 * D-SACK block for the copy, followed by the SACK block that holds it.
 */
class OutOfOrderDsackTest {
    @Test
    void aDuplicateBeyondTheGapIsReportedThenItsBlock() {
        SimulationOptions options = SimulationOptions.defaults();
        options = options.withLink(options.link().withDelay(Duration.ofMillis(10)))
                .withTcp(options.tcp().withMtu(1500))
                // The 4th data segment is lost, the 6th arrives twice: it is held beyond the gap.
                .withFaults(List.of(new Fault.DropNthSegment(true, 6), new Fault.DuplicateNthSegment(true, 8, Duration.ZERO)));
        SimulationResult result = Simulation.run(Scenarios.tcpBulk(20 * 1448L), options);
        List<Wire.Segment> acks = Wire.of(result.frames(), 3000).sentBy(true).stream().filter(Wire.Segment::dsack).toList();
        assertEquals(1, acks.size(), Reference.texts(Wire.of(result.frames(), 3000).sentBy(true)).toString());
        long[] sack = acks.get(0).sack();
        assertEquals(List.of(7241L, 8689L), List.of(sack[0], sack[1]), acks.get(0).text());
        assertTrue(sack.length >= 4 && sack[2] <= 7241 && sack[3] >= 8689, "then the block that holds it: " + acks.get(0).text());
        assertEquals(4345, acks.get(0).ack(), acks.get(0).text());
    }
}

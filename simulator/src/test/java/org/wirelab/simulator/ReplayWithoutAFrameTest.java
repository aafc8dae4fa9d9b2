package org.wirelab.simulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wirelab.core.frame.FrameStore;
import org.wirelab.core.scenario.Scenarios;
import org.wirelab.simulator.net.Fault;
import org.wirelab.simulator.net.Packet.Marks;

/**
 * The desktop app's "drop this arrow, replay": a run with the same seed and {@link Fault.DropFrame}
 * of frame N is the same run up to frame N, which is still captured (it left its sender) but never
 * arrives, so what follows is TCP recovering from its loss.
 */
class ReplayWithoutAFrameTest {

    @Test
    void theSameRunUpToTheDroppedFrameThenItsRecovery() {
        SimulationOptions options = SimulationOptions.defaults().withSeed(5);
        options = options.withLink(options.link().withDelay(Duration.ofMillis(10)));
        SimulationResult first = Simulation.run(Scenarios.tcpHello(), options);
        int dropped = 4; // the client's "hello serveur\n"
        SimulationResult replay = Simulation.run(Scenarios.tcpHello(),
                options.withFaults(List.of(new Fault.DropFrame(dropped))));

        FrameStore before = first.frames();
        FrameStore after = replay.frames();
        for (int i = 0; i < dropped; i++) {
            assertArrayEquals(before.frame(i).bytes(), after.frame(i).bytes(), "frame " + (i + 1) + " unchanged");
            assertEquals(before.timestampNanos(i), after.timestampNanos(i));
        }
        assertEquals(1, replay.statistics().packetsLost());
        List<Integer> again = replay.marks().framesWith(Marks.RETRANSMISSION);
        assertEquals(1, again.size(), "the lost data is sent again");
        byte[] original = before.frame(dropped - 1).bytes();
        byte[] resent = after.frame(again.get(0) - 1).bytes();
        assertArrayEquals(java.util.Arrays.copyOfRange(original, 38, 42), java.util.Arrays.copyOfRange(resent, 38, 42),
                "same sequence number");
        assertTrue(replay.log().succeeded(), String.join("\n", replay.log().lines()));
    }
}

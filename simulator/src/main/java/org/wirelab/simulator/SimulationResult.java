package org.wirelab.simulator;

import java.util.List;
import org.wirelab.core.frame.FrameStore;
import org.wirelab.core.scenario.ScenarioLog;
import org.wirelab.simulator.tcp.StateChange;

/**
 * One simulated run: the captured frames (empty when they were streamed to a file), what each actor
 * did, what the simulator knows about each frame (its marks, and the sender's congestion window when
 * it was sent), every TCP state change with its virtual time, and the run's counters.
 */
public record SimulationResult(FrameStore frames, ScenarioLog log, FrameMarks marks, CongestionTrace congestion,
        List<StateChange> states, Statistics statistics) {

    /**
     * Counters of a run: packets sent and captured, lost on the way, sent again by TCP; the virtual
     * time of the last captured frame and of the run's end (after TIME-WAIT), and events fired.
     */
    public record Statistics(int packetsSent, int framesCaptured, long packetsLost, long retransmissions,
            long lastFrameNanos, long virtualNanos, long events) {
    }
}

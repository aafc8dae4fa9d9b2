package org.wirelab.app.source;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.wirelab.core.scenario.Scenarios;
import org.wirelab.simulator.Simulation;
import org.wirelab.simulator.SimulationOptions;
import org.wirelab.simulator.SimulationResult;
import org.wirelab.simulator.net.Fault;
import org.wirelab.simulator.net.Packet.Marks;

/**
 * One of the lab's scenarios run on the simulator: simulated hosts on a link with the chosen one-way
 * delay and loss rate, the same seed giving the same frames, and the frames a teacher chose to drop
 * ({@code droppedFrames}: with the same seed, the run is the same up to the first of them). Needs no
 * privilege and no network; the frames are real Ethernet/IP/TCP bytes, decoded like a capture, and the
 * feed learns which ones the network lost.
 */
public record SimulatedSource(String scenarioName, Duration delay, double lossRate, long seed, List<Integer> droppedFrames)
        implements FrameSource {

    public SimulatedSource {
        droppedFrames = List.copyOf(droppedFrames);
    }

    public SimulatedSource(String scenarioName, Duration delay, double lossRate, long seed) {
        this(scenarioName, delay, lossRate, seed, List.of());
    }

    /** The lab's loopback: a few microseconds, nothing lost. */
    public static SimulatedSource loopback(String scenarioName) {
        return new SimulatedSource(scenarioName, SimulationOptions.LOOPBACK.delay(), 0, 1);
    }

    /** The same run, with frame {@code number} (1-based) also lost on the way. */
    public SimulatedSource dropping(int number) {
        List<Integer> dropped = new ArrayList<>(droppedFrames);
        dropped.add(number);
        return new SimulatedSource(scenarioName, delay, lossRate, seed, dropped);
    }

    @Override
    public String title() {
        return "simulated: " + scenarioName + (droppedFrames.isEmpty() ? "" : ", frame"
                + (droppedFrames.size() == 1 ? " " : "s ") + droppedFrames.stream().map(String::valueOf)
                .reduce((a, b) -> a + ", " + b).orElse("") + " dropped");
    }

    @Override
    public void run(FrameFeed feed) {
        List<Fault> faults = droppedFrames.stream().<Fault>map(Fault.DropFrame::new).toList();
        SimulationOptions options = SimulationOptions.defaults().withSeed(seed)
                .withLink(SimulationOptions.LOOPBACK.withDelay(delay).withLoss(lossRate)).withFaults(faults);
        SimulationResult result = Simulation.run(Scenarios.named(scenarioName, Scenarios.Parameters.DEFAULTS), options);
        for (int frame : result.marks().framesWith(Marks.LOST)) {
            feed.lost(frame);
        }
        feed.frames(result.frames());
        feed.progress(1);
    }
}

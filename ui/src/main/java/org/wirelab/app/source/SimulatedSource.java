package org.wirelab.app.source;

import java.time.Duration;
import org.wirelab.core.scenario.Scenarios;
import org.wirelab.simulator.Simulation;
import org.wirelab.simulator.SimulationOptions;
import org.wirelab.simulator.SimulationResult;

/**
 * One of the lab's scenarios run on the simulator: simulated hosts on a link with the chosen one-way
 * delay and loss rate, the same seed giving the same frames. Needs no privilege and no network; the
 * frames are real Ethernet/IP/TCP bytes, decoded like a capture.
 */
public record SimulatedSource(String scenarioName, Duration delay, double lossRate, long seed) implements FrameSource {

    /** The lab's loopback: a few microseconds, nothing lost. */
    public static SimulatedSource loopback(String scenarioName) {
        return new SimulatedSource(scenarioName, SimulationOptions.LOOPBACK.delay(), 0, 1);
    }

    @Override
    public String title() {
        return "simulated: " + scenarioName;
    }

    @Override
    public void run(FrameFeed feed) {
        SimulationOptions options = SimulationOptions.defaults().withSeed(seed)
                .withLink(SimulationOptions.LOOPBACK.withDelay(delay).withLoss(lossRate));
        SimulationResult result = Simulation.run(Scenarios.named(scenarioName, Scenarios.Parameters.DEFAULTS), options);
        feed.frames(result.frames());
        feed.progress(1);
    }
}

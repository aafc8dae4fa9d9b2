package org.wirelab.simulator;

import org.wirelab.core.compare.RecordedRun;
import org.wirelab.core.compare.WorkloadRunner;
import org.wirelab.core.scenario.Scenario;

/** Runs each scenario of a comparison in the simulator, with the same options (link, seed) for both protocols. */
public record SimulatedWorkloadRunner(SimulationOptions options) implements WorkloadRunner {
    @Override
    public RecordedRun run(Scenario scenario) {
        SimulationResult result = Simulation.run(scenario, options);
        return new RecordedRun(result.frames(), result.log());
    }
}

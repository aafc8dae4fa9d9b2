package org.wirelab.core.compare;

import java.io.IOException;
import org.wirelab.core.scenario.Scenario;

/**
 * Runs a scenario and records it: the live capture and the simulator each provide one, so the
 * comparison never knows which it got.
 */
@FunctionalInterface
public interface WorkloadRunner {
    RecordedRun run(Scenario scenario) throws IOException;
}

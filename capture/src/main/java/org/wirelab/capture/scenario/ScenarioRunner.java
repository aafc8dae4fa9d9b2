package org.wirelab.capture.scenario;

import org.wirelab.core.scenario.Scenario;
import org.wirelab.core.scenario.ScenarioLog;

/**
 * Runs a {@link Scenario} on real sockets on the loopback: each server actor is the lab's program for
 * its service, each client actor a socket driven step by step, in the order the scenario gives. The
 * run stops at the first step that does not go as described; whatever happens, every socket is closed
 * and every server stopped (its threads joined) before {@link #run} returns.
 */
public final class ScenarioRunner {
    private ScenarioRunner() {
    }

    /** Runs the scenario and returns what each side did; never throws for a failed step (see the log). */
    public static ScenarioLog run(Scenario scenario, RunOptions options) {
        ScenarioLog.Recorder recorder = new ScenarioLog.Recorder(scenario.name(), System::nanoTime);
        try (Execution execution = new Execution(options, recorder)) {
            execution.performUntilFailure(scenario.steps());
        }
        return recorder.log();
    }
}

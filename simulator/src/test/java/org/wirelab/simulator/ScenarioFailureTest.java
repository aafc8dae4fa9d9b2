package org.wirelab.simulator;

import org.junit.jupiter.api.Test;
import org.wirelab.core.testing.FailingScenarios;

/**
 * On simulated hosts, a step that does not go as described ends the run with core's words, as the live
 * runner's does (capture's ScenarioFailureTest runs the same scenario on real sockets).
 */
class ScenarioFailureTest {

    @Test
    void aWrongReplyStopsTheRunInTheWordsBothRunnersUse() {
        SimulationResult run = Simulation.run(FailingScenarios.udpEchoExpectingAnotherReply(4000), SimulationOptions.defaults());
        FailingScenarios.assertStoppedAtTheWrongReply(run.log());
    }
}

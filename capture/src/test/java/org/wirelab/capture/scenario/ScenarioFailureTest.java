package org.wirelab.capture.scenario;

import org.junit.jupiter.api.Test;
import org.wirelab.core.scenario.IpVersion;
import org.wirelab.core.testing.FailingScenarios;

/**
 * On real sockets, a step that does not go as described ends the run with core's words, as the
 * simulator's does (its ScenarioFailureTest runs the same scenario).
 */
class ScenarioFailureTest {

    @Test
    void aWrongReplyStopsTheRunInTheWordsBothRunnersUse() {
        FailingScenarios.assertStoppedAtTheWrongReply(ScenarioRunner.run(
                FreePorts.remap(FailingScenarios.udpEchoExpectingAnotherReply(4000), IpVersion.IPV4), RunOptions.defaults()));
    }
}

package org.wirelab.capture.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wirelab.core.scenario.IpVersion;
import org.wirelab.core.scenario.ScenarioLog;
import org.wirelab.core.testing.FailingScenarios;

/**
 * On real sockets, a step that does not go as described ends the run with core's words, as the
 * simulator's does (its ScenarioFailureTest runs the same scenario).
 */
class ScenarioFailureTest {

    @Test
    void aWrongReplyStopsTheRunInTheWordsBothRunnersUse() {
        ScenarioLog log = ScenarioRunner.run(
                FreePorts.remap(FailingScenarios.udpEchoExpectingAnotherReply(4000), IpVersion.IPV4), RunOptions.defaults());
        assertFalse(log.succeeded());
        assertEquals(1, log.failures().size(), log.lines().toString());
        ScenarioLog.Entry failure = log.failures().get(0);
        assertEquals("client", failure.actor());
        assertEquals(FailingScenarios.WRONG_REPLY, failure.text());
        // The run stopped there: the server's count, the step after, was never awaited.
        assertEquals(List.of(), log.of("server").stream().filter(entry -> entry.kind() == ScenarioLog.Kind.ACTION).toList());
    }
}

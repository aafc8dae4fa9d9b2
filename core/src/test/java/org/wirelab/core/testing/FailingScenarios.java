package org.wirelab.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.wirelab.core.scenario.LabProtocol;
import org.wirelab.core.scenario.Payload;
import org.wirelab.core.scenario.Scenario;
import org.wirelab.core.scenario.ScenarioLog;
import org.wirelab.core.scenario.Service;
import org.wirelab.core.scenario.Step;

/**
 * A scenario that cannot go as described, for the tests of both runners: the live one and the simulator
 * must stop it at the same step and say why in the same words.
 */
public final class FailingScenarios {
    /** What both runners must log as the failure of {@link #udpEchoExpectingAnotherReply}. */
    public static final String WRONG_REPLY = "expected 13 bytes \"not the reply\", received \"i am the server\"";

    private FailingScenarios() {
    }

    /** The lab's UDP echo, whose client expects another reply than the server's; the server's count comes after. */
    public static Scenario udpEchoExpectingAnotherReply(int port) {
        return new Scenario("udp-echo-wrong-reply", "the lab's UDP echo, its client expecting another reply",
                List.of(new Step.Serve("server", Service.LAB_UDP_ECHO, port),
                        new Step.UdpSend("client", "server", port, Payload.text(LabProtocol.UDP_REQUEST), 1),
                        new Step.UdpReceive("client", Payload.text("not the reply"), null),
                        new Step.AwaitHandled("server", 1)));
    }

    /**
     * {@code log}, a run of {@link #udpEchoExpectingAnotherReply}, failed at the client's receive in
     * {@link #WRONG_REPLY}'s words, and stopped there: the server's count, the step after, was never awaited.
     */
    public static void assertStoppedAtTheWrongReply(ScenarioLog log) {
        assertFalse(log.succeeded());
        assertEquals(1, log.failures().size(), log.lines().toString());
        ScenarioLog.Entry failure = log.failures().get(0);
        assertEquals("client", failure.actor());
        assertEquals(WRONG_REPLY, failure.text());
        assertEquals(List.of(), log.of("server").stream().filter(entry -> entry.kind() == ScenarioLog.Kind.ACTION).toList());
    }
}

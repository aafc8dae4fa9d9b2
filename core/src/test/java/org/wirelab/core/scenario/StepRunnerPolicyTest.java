package org.wirelab.core.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wirelab.core.testing.FailingScenarios;

/** The one failure policy of both runners (StepRunner.performUntilFailure), on a runner that records. */
class StepRunnerPolicyTest {

    /** Performs each step by recording it; the step named in {@code failing} throws {@code failure}. */
    private static final class Recording implements StepRunner<Exception> {
        final List<String> performed = new ArrayList<>();
        final List<String> failures = new ArrayList<>();
        private final Class<? extends Step> failing;
        private final Exception failure;

        Recording(Class<? extends Step> failing, Exception failure) {
            this.failing = failing;
            this.failure = failure;
        }

        boolean run(Scenario scenario) {
            return StepRunner.performUntilFailure(scenario.steps(), this, (actor, why) -> failures.add(actor + ": " + why));
        }

        private void step(Step step) throws Exception {
            if (failing.isInstance(step)) {
                throw failure;
            }
            performed.add(step.getClass().getSimpleName());
        }

        @Override public void serve(Step.Serve step) throws Exception { step(step); }
        @Override public void connect(Step.Connect step) throws Exception { step(step); }
        @Override public void send(Step.Send step) throws Exception { step(step); }
        @Override public void receive(Step.Receive step) throws Exception { step(step); }
        @Override public void receiveEnd(Step.ReceiveEnd step) throws Exception { step(step); }
        @Override public void shutdown(Step.Shutdown step) throws Exception { step(step); }
        @Override public void close(Step.Close step) throws Exception { step(step); }
        @Override public void abort(Step.Abort step) throws Exception { step(step); }
        @Override public void udpSend(Step.UdpSend step) throws Exception { step(step); }
        @Override public void udpReceive(Step.UdpReceive step) throws Exception { step(step); }
        @Override public void httpGet(Step.HttpGet step) throws Exception { step(step); }
        @Override public void awaitHandled(Step.AwaitHandled step) throws Exception { step(step); }
        @Override public void pause(Step.Pause step) throws Exception { step(step); }
    }

    private static final Scenario ECHO = FailingScenarios.udpEchoExpectingAnotherReply(4000);

    @Test
    void everyStepRunsWhenNoneFails() {
        Recording runner = new Recording(Step.Pause.class, new StepFailed("never"));
        assertTrue(runner.run(ECHO));
        assertEquals(List.of("Serve", "UdpSend", "UdpReceive", "AwaitHandled"), runner.performed);
        assertEquals(List.of(), runner.failures);
    }

    @Test
    void aStepThatDoesNotGoAsDescribedStopsTheRunUnderItsActor() {
        Recording runner = new Recording(Step.UdpReceive.class, new StepFailed(FailingScenarios.WRONG_REPLY));
        assertFalse(runner.run(ECHO));
        assertEquals(List.of("Serve", "UdpSend"), runner.performed, "nothing after the failed step");
        assertEquals(List.of("client: " + FailingScenarios.WRONG_REPLY), runner.failures);
    }

    @Test
    void theRunnersOwnExceptionIsTheStepsFailureInItsWords() {
        Recording runner = new Recording(Step.Serve.class, new IOException("TCP port 4000 is already in use"));
        assertFalse(runner.run(ECHO));
        assertEquals(List.of("server: TCP port 4000 is already in use"), runner.failures);
    }

    @Test
    void anInterruptionStopsTheRunAndKeepsTheThreadsFlag() {
        Recording runner = new Recording(Step.UdpSend.class, new InterruptedException());
        try {
            assertFalse(runner.run(ECHO));
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
        assertEquals(List.of("runner: interrupted"), runner.failures);
    }

    @Test
    void aBugIsNotAScenariosOutcome() {
        IllegalStateException bug = new IllegalStateException("a bug");
        Recording runner = new Recording(Step.UdpSend.class, bug);
        assertSame(bug, assertThrows(IllegalStateException.class, () -> runner.run(ECHO)));
        assertEquals(List.of(), runner.failures);
    }

    @Test
    void theWordsBothRunnersWrite() {
        Payload expected = Payload.text("not the reply");
        byte[] got = "i am the server".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertEquals(FailingScenarios.WRONG_REPLY, StepWords.mismatch(expected, got, 0, got.length, 0));
        assertEquals("nothing more received (expected 13 bytes \"not the reply\") in 5.0 s",
                StepWords.within(StepWords.nothingMoreReceived(expected), Duration.ofSeconds(5)));
        assertEquals("finished 1 exchange", StepWords.finished(1));
        assertEquals("received 3 of 5 datagrams: 2 lost (UDP does not retransmit)", StepWords.datagramsLost(3, 5));
        assertEquals("100 bytes", StepWords.describe(Payload.repeated("x", 100)), "a long payload is only counted");
    }
}

package org.wirelab.core.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.wirelab.core.analysis.CaptureAnalysis;
import org.wirelab.core.pcap.CaptureFiles;
import org.wirelab.core.testing.Environment;

/**
 * The lab checks on the scenario captures of samples/scenarios (real loopback runs of wirelab's Java
 * programs, each described frame by frame in samples/README.md).
 */
class LabChecksTest {

    private static CaptureAnalysis scenario(String name) throws IOException {
        return CaptureAnalysis.of(CaptureFiles.read(Environment.samples().resolve("scenarios/" + name + ".pcap")).frames());
    }

    private static CheckReport run(String name, LabStep step) throws IOException {
        return LabChecks.run(scenario(name), step, step.defaultPort(), Locale.ENGLISH);
    }

    @Test
    void theTcpStepPassesOnTcpHelloWithTheMessageAndWhoClosedFirst() throws IOException {
        CheckReport report = run("tcp-hello", LabStep.TCP);
        assertTrue(report.passed(), LabChecks.text(report, Locale.ENGLISH));
        assertEquals(List.of("tcp.handshake", "tcp.message", "tcp.teardown"), report.checks().stream().map(Check::id).toList());
        assertEquals(List.of(1, 2, 3), report.checks().get(0).frames());
        Check message = report.checks().get(1);
        assertTrue(message.detail().contains("\"hello serveur\\n\" (14 bytes in frame 4)"), message.detail());
        assertEquals(List.of(4, 5), message.frames());
        Check teardown = report.checks().get(2);
        // samples/README.md: in this file the client closed first (frame 6), the server then (frame 7).
        assertTrue(teardown.detail().startsWith("clean: the client closed first (FIN, frame 6), then the server (FIN, frame 7)"),
                teardown.detail());
    }

    @Test
    void aRstToTheSynIsAConnectionRefusedBecauseNothingListened() throws IOException {
        CheckReport report = LabChecks.run(scenario("tcp-refused"), LabStep.TCP, 3999, Locale.ENGLISH);
        assertFalse(report.passed());
        Check handshake = report.checks().get(0);
        assertFalse(handshake.passed());
        assertTrue(handshake.detail().startsWith("connection refused: the SYN (frame 1) was answered by a RST (frame 2):"
                + " nothing listened on port 3999"), handshake.detail());
        assertEquals(List.of(1, 2), handshake.frames());
    }

    @Test
    void theWrongPortSaysWhichPortTheCaptureDoesHold() throws IOException {
        CheckReport report = run("http-get", LabStep.TCP);
        assertFalse(report.passed());
        assertTrue(report.checks().get(0).detail().endsWith("the capture has TCP connections to port 8080: try --port 8080"),
                report.checks().get(0).detail());
    }

    @Test
    void theUdpStepPassesOnUdpEchoWithTheServersReplyText() throws IOException {
        CheckReport report = run("udp-echo", LabStep.UDP);
        assertTrue(report.passed(), LabChecks.text(report, Locale.ENGLISH));
        assertEquals(List.of(1, 2), report.checks().get(1).frames());
        assertEquals("the server replied \"i am the server\" (15 bytes, frame 2)", report.checks().get(2).detail());
    }

    @Test
    void theChatStepFollowsEachClientAndEachMessageAndFailsOnTheClientThatVanished() throws IOException {
        CheckReport report = run("chat", LabStep.CHAT);
        String text = LabChecks.text(report, Locale.ENGLISH);
        List<Check> joined = report.checks().stream().filter(c -> c.id().equals("chat.joined")).toList();
        assertEquals(3, joined.size(), text);
        assertTrue(joined.stream().allMatch(Check::passed), text);
        List<Check> messages = report.checks().stream().filter(c -> c.id().equals("chat.message")).toList();
        // hello everyone, salut, ciao, quit, anyone there? (bob's number after quit is not a message).
        assertEquals(5, messages.size(), text);
        assertTrue(messages.stream().allMatch(Check::passed), text);
        assertTrue(messages.get(4).detail().contains("relayed to the only client connected at that moment: client 0"), text);
        List<Check> left = report.checks().stream().filter(c -> c.id().equals("chat.left")).toList();
        assertTrue(left.get(0).detail().startsWith("left without typing quit"), text);
        assertTrue(left.get(1).passed(), text);
        assertTrue(left.get(1).detail().startsWith("typed quit (frame 40); the server closed the connection first"), text);
        assertFalse(left.get(2).passed(), text);
        assertTrue(left.get(2).detail().startsWith("the client aborted its connection with a RST (frame 50)"), text);
        assertFalse(report.passed());
        assertTrue(text.endsWith("Verdict: step not done right yet (2 of 11 checks failed)\n"), text);
    }

    @Test
    void frenchReadsAsATeacherWritesIt() throws IOException {
        CheckReport report = LabChecks.run(scenario("tcp-hello"), LabStep.TCP, 3000, Locale.FRENCH);
        String text = LabChecks.text(report, Locale.FRENCH);
        assertTrue(text.startsWith("Vérifications de l’étape TCP du TP, port du serveur 3000\n"), text);
        assertTrue(text.contains("[ok] message du client\u00a0: le message du client est arrivé en entier,"
                + " \"hello serveur\\n\" (14 octets, trame 4)"), text);
        assertTrue(text.endsWith("Bilan : étape réussie (3 vérifications sur 3)\n"), text);
    }

    @Test
    void anEmptyCaptureFailsEveryStepWithoutThrowing() {
        CaptureAnalysis empty = CaptureAnalysis.of(new org.wirelab.core.frame.FrameStore());
        for (LabStep step : LabStep.values()) {
            CheckReport report = LabChecks.run(empty, step, step.defaultPort(), Locale.ENGLISH);
            assertFalse(report.passed(), step.id());
            assertFalse(report.checks().isEmpty(), step.id());
        }
    }
}

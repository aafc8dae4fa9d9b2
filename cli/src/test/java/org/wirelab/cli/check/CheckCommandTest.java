package org.wirelab.cli.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wirelab.cli.CliRun;
import org.wirelab.core.frame.FrameStore;
import org.wirelab.core.pcap.CaptureFile;
import org.wirelab.core.pcap.CaptureFiles;
import org.wirelab.core.pcap.PcapWriter;
import org.wirelab.core.testing.Environment;

/** {@code wirelab check}: the lines, the verdict and the exit code a grading script reads. */
class CheckCommandTest {
    @TempDir
    Path dir;

    private static Path scenario(String name) {
        return Environment.samples().resolve("scenarios/" + name + ".pcap");
    }

    @Test
    void aStepDoneRightExitsZeroWithOneLinePerCheckThenTheVerdict() {
        CliRun run = CliRun.of("check", scenario("tcp-hello").toString(), "--lab", "tcp");
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals(5, lines.size(), run.out());
        assertTrue(lines.get(1).startsWith("[pass] handshake: SYN, SYN-ACK, ACK between 127.0.0.1:"), run.out());
        assertTrue(lines.get(2).startsWith("[pass] client's message: "), run.out());
        assertEquals("Verdict: step done right (3 checks of 3 passed)", lines.get(4));
    }

    @Test
    void aFailedCheckExitsOneAndSaysWhyInFrenchToo() {
        CliRun run = CliRun.of("check", scenario("tcp-refused").toString(), "--lab", "tcp", "--port", "3999", "--lang", "fr");
        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.out().contains("[ÉCHEC] ouverture de connexion\u00a0: connexion refusée : le SYN (trame 1) a reçu un RST"
                + " en réponse (trame 2) : aucun programme n’écoutait sur le port 3999"), run.out());
        assertTrue(run.out().endsWith("Bilan : étape à reprendre (3 vérifications sur 3 en échec)\n"), run.out());
    }

    @Test
    void whatCannotBeCheckedExitsTwoWithOneLine() throws IOException {
        CliRun missing = CliRun.of("check", dir.resolve("none.pcap").toString(), "--lab", "udp");
        assertEquals(2, missing.exitCode());
        assertEquals(1, missing.err().lines().count(), missing.err());
        assertTrue(missing.err().startsWith("wirelab check: no such file: "), missing.err());
        Path text = Files.writeString(dir.resolve("notes.pcap"), "not a capture\n");
        assertEquals(2, CliRun.of("check", text.toString(), "--lab", "udp").exitCode());
        CliRun step = CliRun.of("check", scenario("udp-echo").toString(), "--lab", "icmp");
        assertEquals(2, step.exitCode());
        assertTrue(step.err().contains("'icmp' is not a step of the lab: udp, tcp or chat"), step.err());
        assertEquals(2, CliRun.of("check", scenario("udp-echo").toString(), "--lab", "udp", "--port", "70000").exitCode());
        assertEquals(2, CliRun.of("check", scenario("udp-echo").toString()).exitCode(), "--lab is required");
    }

    /**
     * A firewall-like lost reply: the simulator loses the server's reply on its way, and the capture is
     * the one the client's machine would make, without the frame that never reached it.
     */
    @Test
    void aReplyLostOnTheWayIsNoReplyFromTheServersPort() throws IOException {
        Path simulated = dir.resolve("sim.pcap");
        CliRun simulation = CliRun.of("simulate", "--scenario", "udp-echo", "--drop-frame", "2", "--out", simulated.toString());
        assertTrue(simulation.err().contains("lost on the way, though in the file: frame 2"), simulation.err());
        Path atClient = withoutFrame(simulated, 2, dir.resolve("client-side.pcap"));

        CliRun run = CliRun.of("check", atClient.toString(), "--lab", "udp");
        assertEquals(1, run.exitCode(), run.out());
        assertTrue(run.out().contains("[pass] datagram to the server: "), run.out());
        assertTrue(run.out().contains("[FAIL] server's reply: the datagram of frame 1 got no reply from port 3000: the server"
                + " did not answer (not started, or it does not send back), or the reply was lost on the way"), run.out());
        assertTrue(run.out().contains("[FAIL] reply text: no reply, so no text to read"), run.out());
    }

    /** TCP recovers from the same loss: the check passes and names the retransmission. */
    @Test
    void aLostTcpSegmentIsResentAndTheStepStillPasses() {
        Path simulated = dir.resolve("lost-data.pcap");
        CliRun.of("simulate", "--scenario", "lost-data", "--out", simulated.toString());
        CliRun run = CliRun.of("check", simulated.toString(), "--lab", "tcp");
        assertEquals(0, run.exitCode(), run.out());
        assertTrue(run.out().contains("; part of it was sent again (frame 7, a retransmission)"), run.out());
    }

    static Path withoutFrame(Path file, int number, Path out) throws IOException {
        CaptureFile capture = CaptureFiles.read(file);
        FrameStore frames = capture.frames();
        try (PcapWriter writer = PcapWriter.create(out, frames.linkType(0))) {
            for (int i = 0; i < frames.size(); i++) {
                if (i != number - 1) {
                    writer.append(frames, i);
                }
            }
        }
        return out;
    }
}

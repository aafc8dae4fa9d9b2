package org.wirelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wirelab.capture.live.CaptureAvailability;

class DemoCommandTest {

    @Test
    void withoutAWindowTheHandshakeIsPrintedAsATextDiagramAfterOneLine() {
        boolean live = CaptureAvailability.check().isEmpty();

        CliRun run = CliRun.of("demo", "--text");

        assertEquals(0, run.exitCode(), run.err());
        assertEquals(1, run.errLines().size(), run.err());
        assertTrue(run.err().startsWith("wirelab demo: text diagram asked for (--text), so here is "
                + (live ? "a TCP handshake captured live as text" : "a simulated TCP handshake as text (")), run.err());
        List<String> arrows = run.out().lines().filter(l -> l.contains("|")).toList();
        assertTrue(arrows.stream().anyMatch(l -> l.contains(" SYN Seq=0 ")), run.out());
        assertTrue(arrows.stream().anyMatch(l -> l.contains(" SYN, ACK Seq=0 Ack=1 ")), run.out());
        assertTrue(arrows.stream().anyMatch(l -> l.contains("FIN")), run.out());
        assertTrue(run.out().contains("CLOSED -> SYN-SENT"), run.out());
    }
}

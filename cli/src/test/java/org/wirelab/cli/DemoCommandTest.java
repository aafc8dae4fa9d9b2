package org.wirelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.wirelab.source.DemoSource;
import org.wirelab.source.FrameFeed;
import org.wirelab.source.FrameSource;
import org.wirelab.capture.live.CaptureAvailability;
import org.wirelab.core.testing.Environment;
import org.wirelab.core.testing.HeldPort;
import picocli.CommandLine;

class DemoCommandTest {

    @Test
    void withoutAWindowTheHandshakeIsPrintedAsATextDiagramAfterOneLine() {
        boolean live = CaptureAvailability.check().isEmpty();

        CliRun run = CliRun.of("demo", "--text");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().startsWith("wirelab demo: text diagram asked for (--text), so here is "
                + (live ? "a TCP handshake captured live as text" : "a simulated TCP handshake as text (")), run.err());
        assertHandshake(run);
    }

    /** A student's server on 3000: the demo moves to a free port, says so in one line, and still shows the handshake. */
    @Test
    void aStudentsServerOnTheLabPortMovesTheDemoToAFreePort() {
        CaptureAvailability.check().ifPresent(problem -> Environment.missing(problem.message()));
        try (HeldPort student = HeldPort.tcp(3000)) {
            CliRun english = CliRun.of("demo", "--text");
            assertEquals(0, english.exitCode(), english.err());
            assertEquals(2, english.errLines().size(), english.err());
            assertTrue(english.errLines().get(1).matches("wirelab demo: port 3000 is already in use by another program, "
                    + "so tcp-hello runs on port \\d+ instead"), english.err());
            assertHandshake(english);

            CliRun french = CliRun.of("demo", "--text", "--lang", "fr");
            assertEquals(0, french.exitCode(), french.err());
            assertTrue(french.errLines().get(1).matches("wirelab demo: le port 3000 est déjà occupé par un autre programme : "
                    + "tcp-hello passe donc sur le port \\d+"), french.err());
        }
    }

    @Test
    void aDemoThatCapturedNothingFailsWithTheReason() {
        FrameSource nothing = new FrameSource() {
            @Override
            public String title() {
                return "live: tcp-hello";
            }

            @Override
            public void run(FrameFeed feed) {
                // the exchange happened somewhere no capture saw
            }
        };
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ErrorReporter errors = new ErrorReporter();
        CommandLine command = new CommandLine(new DemoCommand(language -> new DemoSource(nothing, Optional.empty())))
                .setExecutionExceptionHandler(errors).setParameterExceptionHandler(errors);
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));

        int exit = command.execute("--text");

        assertEquals(ErrorReporter.INPUT_ERROR, exit, err.toString());
        assertTrue(err.toString().endsWith("live: tcp-hello: no frame to show\n"), err.toString());
        assertEquals("", out.toString(), "no empty diagram");
    }

    private static void assertHandshake(CliRun run) {
        List<String> arrows = run.out().lines().filter(l -> l.contains("|")).toList();
        assertTrue(arrows.stream().anyMatch(l -> l.contains(" SYN Seq=0 ")), run.out());
        assertTrue(arrows.stream().anyMatch(l -> l.contains(" SYN, ACK Seq=0 Ack=1 ")), run.out());
        assertTrue(arrows.stream().anyMatch(l -> l.contains("FIN")), run.out());
        assertTrue(run.out().contains("CLOSED -> SYN-SENT"), run.out());
    }
}

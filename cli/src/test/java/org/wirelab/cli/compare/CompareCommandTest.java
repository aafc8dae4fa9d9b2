package org.wirelab.cli.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wirelab.capture.live.CaptureAvailability;
import org.wirelab.cli.CliRun;
import org.wirelab.core.testing.Environment;

/** {@code wirelab compare}: the side-by-side table, simulated and live. */
class CompareCommandTest {

    @Test
    void aSimulatedEchoComparisonPrintsBothColumnsWithTheModelsCounts() {
        CliRun run = CliRun.of("compare", "--messages", "10", "--size", "100", "--simulate", "--delay", "5ms");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("10 messages of 100 bytes, each sent back by the server; simulated on 127.0.0.1: delay 5 ms each way,"
                + " seed 1", run.out().lines().findFirst().orElseThrow());
        assertEquals("20", cells(run.out(), "Frames on the wire").get(0), "UDP: a datagram each way per message");
        assertEquals(List.of("20", "20"), cells(run.out(), "data"));
        int tcpFrames = Integer.parseInt(cells(run.out(), "Frames on the wire").get(1));
        int roles = 0;
        for (String role : List.of("handshake (SYN, SYN-ACK, ACK)", "data", "acknowledgements only",
                "teardown (FIN and its ACK)", "retransmissions", "resets (RST)")) {
            roles += Integer.parseInt(cells(run.out(), role).get(1));
        }
        assertEquals(tcpFrames, roles, "every TCP frame has one role");
        assertEquals(List.of("0", "3"), cells(run.out(), "handshake (SYN, SYN-ACK, ACK)"));
        assertEquals(List.of("0", "3"), cells(run.out(), "teardown (FIN and its ACK)"));
        assertEquals(List.of("2,000", "2,000"), cells(run.out(), "payload"));
        assertEquals(List.of("10 of 10", "10 of 10"), cells(run.out(), "Messages the server received"));
        assertEquals(List.of("0.000 ms", "10.040 ms"), cells(run.out(), "Time to the first payload byte"),
                "TCP's first byte waits one round trip (2 x 5 ms) and the client program's 40 us between two calls");
    }

    @Test
    void inFrenchWhatRunsIsSaidInFrenchAsItStarts() {
        CliRun run = CliRun.of("compare", "--messages", "10", "--size", "100", "--simulate", "--delay", "5ms",
                "--loss", "10%", "--seed", "4", "--lang", "fr");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(List.of("envoi de 10 messages en UDP, puis en TCP, simulé sur 127.0.0.1 : délai de 5 ms dans chaque"
                + " sens, pertes 10 %, graine 4"), run.errLines());
    }

    @Test
    void inFrenchTheTableAndTheReportAreFrench(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path report = dir.resolve("rapport.html");
        CliRun run = CliRun.of("compare", "--messages", "10", "--size", "100", "--simulate", "--delay", "5ms",
                "--lang", "fr", "--report", report.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.errLines().get(1).startsWith("rapport écrit dans " + report), run.err());
        assertTrue(run.out().startsWith("10 messages de 100 octets, chacun renvoyé par le serveur ; "), run.out());
        assertEquals(List.of("10 sur 10", "10 sur 10"), cells(run.out(), "Messages reçus par le serveur"));
        assertEquals(List.of("2\u202f000", "2\u202f000"), cells(run.out(), "données utiles"),
                "French groups thousands with a narrow no-break space");
        String page = java.nio.file.Files.readString(report);
        assertTrue(page.contains("<html lang=\"fr\">") && page.contains("Messages reçus par le serveur"));
    }

    @Test
    void aLanguageWirelabDoesNotSpeakIsOneLine() {
        CliRun run = CliRun.of("compare", "--simulate", "--lang", "de");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("'de' is not a language wirelab speaks: en or fr"), run.err());
    }

    @Test
    void aLiveComparisonDeliversEverythingOnTheLoopback() {
        CaptureAvailability.check().ifPresent(problem -> Environment.missing(problem.message()));
        CliRun run = CliRun.of("compare", "--messages", "20", "--size", "64", "--one-way");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("20", cells(run.out(), "Frames on the wire").get(0), run.out());
        assertEquals(List.of("20 of 20", "20 of 20"), cells(run.out(), "Messages the server received"), run.out());
    }

    @Test
    void aMessageTooShortForItsNumberIsOneLine() {
        CliRun run = CliRun.of("compare", "--size", "5", "--simulate");
        assertEquals(1, run.exitCode());
        assertEquals(1, run.errLines().size(), run.err());
        assertTrue(run.err().contains("10 to 65507 bytes"), run.err());
    }

    /** The UDP and TCP cells of the row whose label is {@code label}. */
    private static List<String> cells(String table, String label) {
        String row = table.lines().filter(line -> line.strip().startsWith(label + "  ")).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + label + " in\n" + table));
        String values = row.strip().substring(label.length()).strip();
        String[] parts = values.split(" {2,}");
        return List.of(parts[0], parts[1]);
    }
}

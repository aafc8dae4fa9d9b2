package org.wirelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wirelab.core.testing.Environment;
import org.wirelab.core.testing.Tshark;

class ShowExplanationTest {

    @Test
    void showFrameSaysWhatTheFrameDoesInTheChosenLanguage() {
        String sample = Environment.samples().resolve("tcp-hello.pcap").toString();
        Tshark.require();
        String isn = Tshark.fields(Environment.samples().resolve("tcp-hello.pcap"), List.of("tcp.seq_raw")).get(1)[0];

        CliRun english = CliRun.of("show", sample, "--frame", "1");
        CliRun french = CliRun.of("show", sample, "--frame", "1", "--lang", "fr");

        assertEquals(0, english.exitCode(), english.err());
        String last = english.out().lines().filter(l -> l.startsWith("In short: ")).findFirst().orElseThrow();
        assertTrue(last.startsWith("In short: The client (127.0.0.1:"), last);
        assertTrue(last.contains("(ISN) is " + isn + ", so the answer will acknowledge " + (Long.parseLong(isn) + 1)), last);
        assertTrue(french.out().contains("En bref : Le client (127.0.0.1:"), french.out());
    }

    @Test
    void anUnknownLanguageIsOneLine() {
        CliRun run = CliRun.of("show", Environment.samples().resolve("tcp-hello.pcap").toString(), "--frame", "1",
                "--lang", "de");
        assertEquals(ErrorReporter.USAGE_ERROR, run.exitCode());
        assertEquals(1, run.errLines().size(), run.err());
        assertTrue(run.err().contains("'de' is not a language wirelab speaks: en or fr"), run.err());
    }
}

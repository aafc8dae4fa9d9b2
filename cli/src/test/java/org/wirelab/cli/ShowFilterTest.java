package org.wirelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wirelab.core.testing.Environment;
import org.wirelab.core.testing.Tshark;

/** {@code wirelab show -Y FILTER}: the diagram has one arrow per frame tshark -Y selects, and a bad filter is a usage error. */
class ShowFilterTest {

    @Test
    void theDiagramShowsTheFramesTheFilterSelects() {
        for (String sample : List.of("http-get.pcap", "tcp-hello.pcap", "scenarios/tcp-refused.pcap")) {
            Path capture = Environment.samples().resolve(sample);
            for (String filter : List.of("tcp.len > 0", "tcp.flags.syn == 1 || tcp.flags.fin == 1", "!tcp.analysis.flags")) {
                long expected = Tshark.run("-r", capture.toString(), "-Y", filter, "-T", "fields", "-e", "frame.number")
                        .lines().count();
                CliRun run = CliRun.of("show", capture.toString(), "-Y", filter);
                assertEquals(0, run.exitCode(), run.err());
                long arrows = run.out().lines().filter(line -> line.contains("-->") || line.contains("<--")).count();
                assertEquals(expected, arrows, sample + " -Y '" + filter + "'\n" + run.out());
            }
        }
    }

    @Test
    void aFilterThatDoesNotParseIsAUsageError() {
        CliRun run = CliRun.of("show", Environment.samples().resolve("tcp-hello.pcap").toString(), "-Y", "tcp.len >");
        assertEquals(ErrorReporter.USAGE_ERROR, run.exitCode(), run.err());
        assertEquals(List.of("wirelab show: -Y: the end of the filter was unexpected in this context", "    tcp.len >",
                "             ^"), run.errLines());
    }
}

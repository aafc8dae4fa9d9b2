package org.wirelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wirelab.core.fields.FieldCatalog;
import org.wirelab.core.fields.FieldTypes;
import org.wirelab.core.testing.Corpus;
import org.wirelab.core.testing.Environment;
import org.wirelab.core.testing.Tshark;

/** {@code wirelab packets} against tshark run with the very same options on the same file. */
class PacketsCommandTest {
    /**
     * Its records carry nanosecond fractions of 1000000000 and more, out of range: tshark prints them as
     * they are, our reader carries them into the seconds, so every value computed from time differs there.
     * Core's fields.KnownDifferences lists those values one by one; this test leaves the file out.
     */
    private static final String INVALID_TIMESTAMPS = "tcpdump__timestamp_invalid_nano.pcap";

    static Stream<Path> captures() {
        return TestCaptures.samplesAndSoundCorpusFiles().stream()
                .filter(capture -> !capture.getFileName().toString().equals(INVALID_TIMESTAMPS));
    }

    @ParameterizedTest
    @MethodSource("captures")
    void everyFieldOfEveryFrameIsTsharksByteForByte(Path capture) {
        List<String> options = new ArrayList<>(List.of("-T", "fields", "-E", "header=y"));
        for (String field : FieldCatalog.knownNames()) {
            options.add("-e");
            options.add(field);
        }
        assertSameAsTshark(capture, options);
    }

    @Test
    void theSeparatorAndHeaderOptionsMeanWhatTheyMeanToTshark() {
        Path sample = Environment.samples().resolve("tcp-hello.pcap");
        List<String> fields = List.of("-e", "frame.number", "-e", "ip.src", "-e", "tcp.flags", "-e", "tcp.seq");
        for (List<String> format : List.<List<String>>of(List.of(), List.of("-E", "header=n"), List.of("-E", "separator=,"),
                List.of("-E", "separator=/s", "-E", "header=y"), List.of("-E", "separator=/t", "-E", "header=y"))) {
            List<String> options = new ArrayList<>(List.of("-T", "fields"));
            options.addAll(format);
            options.addAll(fields);
            assertSameAsTshark(sample, options);
        }
    }

    @Test
    void anUnknownFieldIsOneLineSuggestingTheNearestNames() {
        CliRun run = CliRun.of("packets", Environment.samples().resolve("tcp-hello.pcap").toString(),
                "-T", "fields", "-e", "frame.number", "-e", "tcp.prot");
        ShowCommandTest.assertOneErrorLine(run, "wirelab packets: unknown field 'tcp.prot'; did you mean tcp.port");
    }

    @Test
    void displayFiltersAndTreeFieldsPrintWhatTsharkPrints() {
        Path http = Environment.samples().resolve("http-get.pcap");
        List<String> fields = List.of("-e", "frame.number", "-e", "http.request.method", "-e", "ip.src", "-e", "tcp",
                "-e", "tcp.options.mss_val", "-e", "tcp.port");
        for (String filter : List.of("tcp.port == 8080 && tcp.len > 0", "http.request.method == \"GET\"",
                "tcp.flags.syn == 1", "!(tcp.flags & 0x10)", "frame[0:2] == 00:00 and tcp.port in {8080, 80}")) {
            List<String> options = new ArrayList<>(List.of("-Y", filter, "-T", "fields"));
            options.addAll(fields);
            assertSameAsTshark(http, options);
        }
        for (List<String> format : List.<List<String>>of(List.of("-E", "occurrence=f"), List.of("-E", "occurrence=l"),
                List.of("-E", "aggregator=/s"), List.of("-E", "aggregator=;",
                        "-E", "quote=d"), List.of("-E", "quote=s", "-E", "header=y"))) {
            List<String> options = new ArrayList<>(List.of("-T", "fields"));
            options.addAll(format);
            options.addAll(fields);
            assertSameAsTshark(http, options);
        }
        // tshark 4.0 has no occurrence=N: the Nth of its occurrences printed all.
        String all = Tshark.run("-r", http.toString(), "-T", "fields", "-e", "tcp.port");
        CliRun second = CliRun.of("packets", http.toString(), "-E", "occurrence=2", "-e", "tcp.port");
        assertEquals(all.lines().map(line -> line.split(",")[1]).toList(), second.out().lines().toList());
        List<String> json = new ArrayList<>(List.of("-Y", "tcp.len > 0 || tcp.flags.syn == 1", "-T", "json"));
        json.addAll(fields);
        assertSameAsTshark(http, json);
    }

    @Test
    void theTimeSinceThePreviousFrameShownCountsFromTheFramesTheFilterSelects() {
        Path hello = Environment.samples().resolve("tcp-hello.pcap");
        List<String> fields = List.of("-T", "fields", "-e", "frame.number", "-e", "frame.time_delta",
                "-e", "frame.time_delta_displayed");
        for (String filter : List.of("frame.number in {3, 6, 9}", "tcp.len > 0", "frame.number > 4")) {
            List<String> options = new ArrayList<>(List.of("-Y", filter));
            options.addAll(fields);
            assertSameAsTshark(hello, options);
        }
        assertSameAsTshark(hello, fields);
        Path echoes = Corpus.capture("dpkt__dns_icmp.pcap");
        assertSameAsTshark(echoes, List.of("-Y", "icmp.resp_to", "-T", "fields", "-e", "frame.number", "-e",
                "icmp.resp_to", "-e", "icmp.resptime", "-e", "frame.time_delta_displayed", "-e", "ip.host"));
    }

    @Test
    void anIcmpErrorHasTheAddressesOfBothHeaders() {
        Path icmp = Corpus.capture("dpkt__dns_icmp.pcap");
        assertSameAsTshark(icmp, List.of("-Y", "icmp.type == 3 && ip.src == 8.8.8.8/24 || udp.port in {53}",
                "-T", "fields", "-e", "ip.src", "-e", "ip.addr", "-e", "udp.port", "-e", "icmp"));
    }

    @Test
    void aFilterThatDoesNotParsePointsAtItsColumn() {
        String sample = Environment.samples().resolve("tcp-hello.pcap").toString();
        CliRun run = CliRun.of("packets", sample, "-Y", "tcp.port == 30 00", "-e", "frame.number");
        assertEquals(ErrorReporter.USAGE_ERROR, run.exitCode(), run.err());
        assertEquals(List.of("wirelab packets: -Y: \"00\" was unexpected in this context", "    tcp.port == 30 00",
                "                   ^~"), run.errLines());
        run = CliRun.of("packets", sample, "-Y", "tcp.flags.syn == 1 && ip.scr == 127.0.0.1", "-e", "frame.number");
        assertEquals(ErrorReporter.USAGE_ERROR, run.exitCode(), run.err());
        assertEquals("wirelab packets: -Y: ip.scr is neither a field nor a protocol name (did you mean ip.src?)",
                run.errLines().get(0));
        assertEquals("                          ^~~~~~", run.errLines().get(2));
        assertEquals("", run.out());
    }

    @Test
    void theHelpListsEveryField() {
        CliRun run = CliRun.of("packets", "--help");
        assertEquals(0, run.exitCode(), run.err());
        List<String> words = List.of(run.out().split("\\s+"));
        for (String known : FieldTypes.names()) {
            assertTrue(words.contains(known), known + " missing from\n" + run.out());
        }
    }

    @Test
    void unsupportedFormatsAreUsageErrors() {
        String sample = Environment.samples().resolve("tcp-hello.pcap").toString();
        for (String[] args : List.of(new String[] {"packets", sample, "-T", "pdml", "-e", "frame.number"},
                new String[] {"packets", sample, "-E", "quote=x", "-e", "frame.number"},
                new String[] {"packets", sample, "-E", "occurrence=0", "-e", "frame.number"},
                new String[] {"packets", sample, "-E", "header=maybe", "-e", "frame.number"},
                new String[] {"packets", sample})) {
            CliRun run = CliRun.of(args);
            assertEquals(ErrorReporter.USAGE_ERROR, run.exitCode(), run.err());
            assertEquals(1, run.errLines().size(), run.err());
        }
    }

    @Test
    void aMissingFileIsOneLine() {
        CliRun run = CliRun.of("packets", "missing.pcap", "-e", "frame.number");
        ShowCommandTest.assertOneErrorLine(run, "wirelab packets: no such file: missing.pcap");
    }

    /** Runs {@code wirelab packets FILE options} and {@code tshark -r FILE options}; the outputs must be equal. */
    private static void assertSameAsTshark(Path capture, List<String> options) {
        List<String> tshark = new ArrayList<>(List.of("-r", capture.toString()));
        tshark.addAll(options);
        String expected = Tshark.run(tshark.toArray(String[]::new));
        List<String> wirelab = new ArrayList<>(List.of("packets", capture.toString()));
        wirelab.addAll(options);
        CliRun run = CliRun.of(wirelab.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(expected, run.out(), capture.getFileName() + " " + options);
    }
}

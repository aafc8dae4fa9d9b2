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
    void anUnknownFieldIsOneLineListingTheKnownOnes() {
        CliRun run = CliRun.of("packets", Environment.samples().resolve("tcp-hello.pcap").toString(),
                "-T", "fields", "-e", "frame.number", "-e", "tcp.bogus");
        ShowCommandTest.assertOneErrorLine(run, "wirelab packets: unknown field 'tcp.bogus'; known fields: ");
        for (String known : FieldCatalog.knownNames()) {
            assertTrue(run.err().contains(" " + known), known);
        }
    }

    @Test
    void theHelpListsEveryFieldOfTheCatalog() {
        CliRun run = CliRun.of("packets", "--help");
        assertEquals(0, run.exitCode(), run.err());
        List<String> words = List.of(run.out().split("\\s+"));
        for (String known : FieldCatalog.knownNames()) {
            assertTrue(words.contains(known), known + " missing from\n" + run.out());
        }
    }

    @Test
    void unsupportedFormatsAreUsageErrors() {
        String sample = Environment.samples().resolve("tcp-hello.pcap").toString();
        for (String[] args : List.of(new String[] {"packets", sample, "-T", "json", "-e", "frame.number"},
                new String[] {"packets", sample, "-E", "quote=d", "-e", "frame.number"},
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

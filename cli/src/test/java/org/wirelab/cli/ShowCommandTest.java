package org.wirelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wirelab.core.testing.Corpus;
import org.wirelab.core.testing.Environment;
import org.wirelab.core.testing.Tshark;

class ShowCommandTest {

    static Stream<Path> captures() {
        return TestCaptures.samplesAndSoundCorpusFiles().stream();
    }

    static Stream<Path> damagedCaptures() {
        return TestCaptures.damagedCorpusFiles().stream();
    }

    @ParameterizedTest
    @MethodSource("captures")
    void theHexDumpOfEveryFrameIsTsharks(Path capture) {
        List<List<String>> expected = tsharkFrameBytes(Tshark.run("-r", capture.toString(), "-x"));
        for (int number = 1; number <= expected.size(); number++) {
            CliRun run = CliRun.of("show", capture.toString(), "--frame", Integer.toString(number));
            assertEquals(0, run.exitCode(), run.err());
            assertEquals(expected.get(number - 1), hexDumpLines(run.out()), capture.getFileName() + " frame " + number);
        }
    }

    @ParameterizedTest
    @MethodSource("captures")
    void theSummaryCountsTsharksFrames(Path capture) {
        long tsharkFrames = Tshark.run("-r", capture.toString(), "-T", "fields", "-e", "frame.number").lines().count();
        CliRun run = CliRun.of("show", capture.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("; " + tsharkFrames + (tsharkFrames == 1 ? " frame." : " frames.")), run.out());
    }

    @ParameterizedTest
    @MethodSource("damagedCaptures")
    void aDamagedFileIsOneErrorLineOrAWarning(Path capture) {
        CliRun run = CliRun.of("show", capture.toString());
        if (run.out().isEmpty()) {
            assertOneErrorLine(run, "wirelab show: ");
        } else {
            // What could be read is shown, the damage is said on both streams, and the exit code is 1.
            assertTrue(run.out().contains("Warnings: "), run.out());
            assertEquals(1, run.exitCode(), run.err());
            assertTrue(run.err().contains(": reading stopped after frame "), run.err());
        }
    }

    @Test
    void aMissingFileIsOneLine() {
        CliRun run = CliRun.of("show", "no-such-file.pcap");
        assertOneErrorLine(run, "wirelab show: no such file: no-such-file.pcap");
    }

    @Test
    void aFileThatIsNotACaptureIsOneLine() {
        CliRun run = CliRun.of("show", Environment.repositoryRoot().resolve("README.md").toString());
        assertOneErrorLine(run, "wirelab show: not a capture file");
    }

    @Test
    void aDirectoryIsOneLine() {
        CliRun run = CliRun.of("show", Environment.samples().toString());
        assertOneErrorLine(run, "wirelab show: ");
        assertTrue(run.err().contains("is a directory"), run.err());
    }

    @Test
    void framesOutsideTheFileAreOneLine() {
        String sample = Environment.samples().resolve("tcp-hello.pcap").toString();
        for (String number : List.of("0", "11", "-3")) {
            CliRun run = CliRun.of("show", sample, "--frame", number);
            assertOneErrorLine(run, "wirelab show: no frame " + number + ": the file has frames 1 to 10");
        }
        CliRun notANumber = CliRun.of("show", sample, "--frame", "four");
        assertEquals(ErrorReporter.USAGE_ERROR, notANumber.exitCode());
        assertEquals(1, notANumber.errLines().size(), notANumber.err());
    }

    @Test
    void aCorpusFileWithAnUnsupportedHeaderIsOneLineThatSaysWhy() {
        CliRun run = CliRun.of("show", Corpus.capture("libpcap__pcap-invalid-version-1.pcap").toString());
        assertOneErrorLine(run, "wirelab show: ");
        assertTrue(run.err().contains("version"), run.err());
    }

    static void assertOneErrorLine(CliRun run, String start) {
        assertTrue(run.exitCode() != 0, "exit code 0 for an error: " + run.err());
        assertEquals(1, run.errLines().size(), run.err());
        assertTrue(run.err().startsWith(start), run.err());
        assertFalse(run.err().contains("\tat "), run.err());
        assertEquals("", run.out());
    }

    /** The hex dump lines of wirelab's output: the lines after its "Bytes" heading. */
    private static List<String> hexDumpLines(String out) {
        List<String> lines = Arrays.asList(out.split("\n"));
        int heading = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("Bytes ")) {
                heading = i;
            }
        }
        assertTrue(heading >= 0, "no hex dump heading in:\n" + out);
        return lines.subList(heading + 1, lines.size());
    }

    /**
     * tshark -x prints each frame's bytes followed by an empty line; a frame with more than one data
     * source (a reassembled TCP segment) first shows "Frame (N bytes):" and its own bytes, then the others.
     */
    private static List<List<String>> tsharkFrameBytes(String text) {
        List<List<String>> frames = new ArrayList<>();
        for (String block : text.split("\n\n")) {
            List<String> lines = new ArrayList<>();
            String[] blockLines = block.split("\n");
            int start = blockLines[0].startsWith("Frame (") ? 1 : 0;
            for (int i = start; i < blockLines.length && blockLines[i].matches("[0-9a-f]{4,}  .*"); i++) {
                lines.add(blockLines[i]);
            }
            if (!lines.isEmpty()) {
                frames.add(lines);
            }
        }
        return frames;
    }
}

package org.wirelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wirelab.core.testing.PortScan;
import org.wirelab.core.testing.Tshark;

/**
 * {@code wirelab show} on a 5,000-port SYN scan: one TCP conversation and so one lane per port. Printed
 * whole, every line was 100,000 characters wide and the text a gigabyte held in memory at once.
 */
class ShowPortScanTest {
    private static final int PORTS = 5_000;
    private static final int WIDEST_LINE = 400;

    @TempDir
    static Path dir;
    private static Path scan;
    private static int frames;

    @BeforeAll
    static void writeScan() throws IOException {
        scan = dir.resolve("syn-scan.pcap");
        frames = PortScan.write(scan, PORTS);
    }

    @Test
    void theLanesBeyondEightShareOneAndTheDiagramSaysHowMany() {
        CliRun run = CliRun.of("show", scan.toString());
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals(2 + frames + 1 + 1 + 1 + 1, lines.size());   // titles, frames, blank, note, blank, file line
        for (String line : lines) {
            assertTrue(line.length() <= WIDEST_LINE, () -> line.length() + " characters: " + line.substring(0, 80));
        }
        // The scanner's socket and seven ports with the most frames (the open ones: four each), then "other".
        String titles = lines.get(0);
        assertTrue(titles.contains("A: 10.0.0.66:40000") && titles.contains("B: 10.0.0.5:100")
                && titles.contains("H: other (4994 lanes)"), titles);
        assertFalse(titles.contains("I: "), titles);
        // Port 1 is closed: its SYN goes from the scanner's lane into the shared lane.
        assertTrue(lines.get(2).contains("SYN Seq=0 Win=1024 Len=0   A: CLOSED -> SYN-SENT"), lines.get(2));
        assertTrue(lines.get(2).contains("|---") && lines.get(2).contains("-->|"), lines.get(2));
        assertTrue(run.out().contains("The 4,994 lanes with the fewest frames (of 5,001) share lane H."
                + " Show one TCP stream alone with --stream N"), run.out());
        long tsharkFrames = Tshark.run("-r", scan.toString(), "-T", "fields", "-e", "frame.number").lines().count();
        assertTrue(run.out().contains("; " + tsharkFrames + " frames."), run.out());
    }

    @Test
    void oneStreamAloneHasItsTwoLanes() {
        // tcp.stream 99 is port 100, an open port: SYN, SYN-ACK, the scanner's RST.
        CliRun run = CliRun.of("show", scan.toString(), "--stream", "99");
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        assertTrue(lines.get(0).contains("A: 10.0.0.66:40000") && lines.get(0).contains("B: 10.0.0.5:100"), lines.get(0));
        assertEquals(List.of("SYN", "SYN, ACK", "RST"), lines.subList(2, 5).stream()
                .map(line -> line.substring(line.indexOf("  ", 20)).strip().split(" Seq")[0]).toList());
        assertFalse(run.out().contains("other"), run.out());
    }

    @Test
    void moreLanesWhenAskedAndAStreamThatDoesNotExistIsOneLine() {
        CliRun wide = CliRun.of("show", scan.toString(), "--lanes", "20");
        assertTrue(wide.out().lines().findFirst().orElseThrow().contains("T: other (4982 lanes)"), wide.out().substring(0, 400));
        CliRun none = CliRun.of("show", scan.toString(), "--stream", "5000");
        assertEquals(1, none.exitCode());
        assertEquals(List.of("wirelab show: no TCP stream 5000: the capture has streams 0 to 4999"), none.errLines());
    }

    @Test
    void theDiagramIsStreamedInASmallHeap() {
        // The text alone was 1 GB; streamed, 48 MB of heap are plenty whatever the number of frames and lanes.
        CliRun run = CliProcess.run(List.of("-Xmx48m"), dir, "show", scan.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(2 + frames + 4, run.out().lines().count());
    }
}

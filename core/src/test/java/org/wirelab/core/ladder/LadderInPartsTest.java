package org.wirelab.core.ladder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wirelab.bench.LoopbackTrafficGenerator;
import org.wirelab.core.analysis.CaptureAnalysis;
import org.wirelab.core.fields.CaptureFields;
import org.wirelab.core.filter.DisplayFilter;
import org.wirelab.core.filter.FilterException;
import org.wirelab.core.pcap.CaptureFile;
import org.wirelab.core.pcap.CaptureFiles;
import org.wirelab.core.tcpstate.TcpStates;
import org.wirelab.core.testing.Corpus;

/**
 * The ladder of a file read a part at a time ({@link LadderInParts}: what {@code wirelab show FILE} prints) is
 * byte for byte the whole file's ({@link CaptureLadder}, focused and grouped as {@link FocusedLadder} and
 * {@link GroupedLadder} do), for every sample and corpus file read in parts of 1 and 7 frames (a file of more than 500 frames in parts of
 * 7 and 997): every TCP state
 * change, every FIN that crossed its peer's and every ICMP error whose datagram is a part earlier is cut from
 * what it needs. So too each TCP stream alone (--stream), the frames of display filters (-Y), both together,
 * and lanes grouped (--lanes).
 */
class LadderInPartsTest {
    private static final String[] FILTERS = {"tcp.flags.fin == 1 || tcp.flags.ack == 1", "udp || icmp || arp",
        "frame.number > 3", "tcp.analysis.retransmission || tcp.len > 0 || http"};

    /** Frames beyond which a file is not read in parts of 1 frame (it would take minutes). */
    private static final int LARGE = 500;

    static Stream<Path> captures() {
        return Corpus.readableWithSamples();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("captures")
    void theLadderReadInPartsIsTheWholeFiles(Path capture) throws IOException, FilterException {
        CaptureFile file = CaptureFiles.read(capture);
        CaptureAnalysis analysis = CaptureAnalysis.of(file.frames());
        CaptureLadder whole = CaptureLadder.of(analysis, TcpStates.of(analysis));
        int streams = analysis.conversations().tcpStreamCount();
        List<Integer> shownStreams = new ArrayList<>();
        for (int s = 0; s < streams; s += Math.max(1, streams / 2)) {
            shownStreams.add(s);
        }
        if (streams > 0) {
            shownStreams.add(streams - 1);
        }
        // A part of one frame costs a mapped window's copy per reader: a larger file is cut every 7 and 997 frames.
        for (int partFrames : analysis.size() <= LARGE ? new int[] {1, 7} : new int[] {7, 997}) {
            for (int maxLanes : new int[] {8, 2}) {
                assertSame(capture, partFrames, null, null, maxLanes, whole);
            }
            for (String filter : FILTERS) {
                DisplayFilter compiled = DisplayFilter.compile(filter);
                assertSame(capture, partFrames, null, compiled, 3,
                        FocusedLadder.selected(whole, compiled.matcher(new CaptureFields(analysis))::matches));
            }
            for (int stream : shownStreams) {
                Ladder focused = FocusedLadder.conversation(whole, analysis, analysis.conversations().tcpConversation(stream));
                assertSame(capture, partFrames, stream, null, 8, focused);
                DisplayFilter fins = DisplayFilter.compile(FILTERS[0]);
                assertSame(capture, partFrames, stream, fins, 8, FocusedLadder.selected(focused,
                        fins.matcher(new CaptureFields(analysis))::matches));
            }
        }
    }

    @Test
    void manyInterleavedConnectionsReadInPartsOfAThousandFramesAreDrawnAsWhole(@TempDir Path directory)
            throws IOException {
        Path capture = directory.resolve("loopback.pcap");
        LoopbackTrafficGenerator.write(capture, 12_000, 11);
        CaptureAnalysis analysis = CaptureAnalysis.of(CaptureFiles.read(capture).frames());
        CaptureLadder whole = CaptureLadder.of(analysis, TcpStates.of(analysis));
        assertTrue(whole.lanes().size() > 8, "the generated capture has more lanes than are shown");
        for (int partFrames : new int[] {1000, 4096}) {
            assertSame(capture, partFrames, null, null, 8, whole);
        }
    }

    private static void assertSame(Path capture, int partFrames, Integer stream, DisplayFilter filter, int maxLanes,
            Ladder whole) throws IOException {
        Ladder grouped = GroupedLadder.of(whole, maxLanes);
        String expected = LadderTextRenderer.render(grouped);
        LadderInParts.Plan plan = LadderInParts.plan(capture, partFrames, stream, filter, maxLanes);
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        plan.write(written);
        String what = capture.getFileName() + " in parts of " + partFrames + " frames, stream " + stream + ", filter "
                + filter + ", " + maxLanes + " lanes";
        assertEquals(expected, written.toString(StandardCharsets.US_ASCII), what);
        assertEquals(whole.lanes().size(), plan.laneCount(), what);
        assertEquals(GroupedLadder.groupedLanes(grouped), plan.groupedLanes(), what);
    }
}

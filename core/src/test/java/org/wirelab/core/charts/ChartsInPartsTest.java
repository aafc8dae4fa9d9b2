package org.wirelab.core.charts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wirelab.bench.LoopbackTrafficGenerator;
import org.wirelab.core.analysis.CaptureAnalysis;
import org.wirelab.core.analysis.FileWindow;
import org.wirelab.core.pcap.CaptureFiles;
import org.wirelab.core.pcap.CaptureSegments;
import org.wirelab.core.testing.Corpus;

/**
 * The charts of a file read a part at a time, as {@code export --chart} reads a file larger than the heap: a
 * stream's time-sequence graph and round-trip times from its window ({@link FileWindow}, the stream analysed
 * whole after the parts before it), the traffic over time from two readings keeping a total per conversation
 * ({@link ConversationTraffic.Counter}). Each is the whole file's, frame numbers and times counted in the file,
 * for every TCP stream of every sample and corpus file in parts of 1 and 7 frames.
 */
class ChartsInPartsTest {
    static Stream<Path> captures() {
        return Corpus.readableWithSamples();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("captures")
    void everyChartInPartsIsTheWholeFilesChart(Path capture) throws IOException {
        CaptureAnalysis whole = CaptureAnalysis.of(CaptureFiles.read(capture).frames());
        for (int partFrames : new int[] {1, 7}) {
            String what = capture.getFileName() + " in parts of " + partFrames;
            assertSameTraffic(ConversationTraffic.of(whole), trafficInParts(capture, partFrames), what);
            for (int stream = 0; stream < whole.conversations().tcpStreamCount(); stream++) {
                FileWindow window = FileWindow.ofTcpStream(capture, partFrames, stream);
                for (boolean fromClient : new boolean[] {true, false}) {
                    assertEquals(TcpTimeSequence.of(whole, stream, fromClient),
                            TcpTimeSequence.of(window.analysis(), stream, fromClient), what + ", stream " + stream);
                }
                assertEquals(TcpTimeSequence.of(whole, stream), TcpTimeSequence.of(window.analysis(), stream));
                assertEquals(RoundTripTimes.of(whole, stream), RoundTripTimes.of(window.analysis(), stream),
                        what + ", stream " + stream);
            }
        }
    }

    /** Streams late in a file of many interleaved connections: their window starts thousands of frames in. */
    @Test
    void streamsLateInAFileOfManyConnections(@TempDir Path directory) throws IOException {
        Path capture = directory.resolve("loopback.pcap");
        LoopbackTrafficGenerator.write(capture, 12_000, 5);
        CaptureAnalysis whole = CaptureAnalysis.of(CaptureFiles.read(capture).frames());
        int streams = whole.conversations().tcpStreamCount();
        assertTrue(streams > 100, streams + " streams");
        assertSameTraffic(ConversationTraffic.of(whole), trafficInParts(capture, 1000), "parts of 1,000 frames");
        for (int stream : new int[] {streams / 2, streams - 1}) {
            FileWindow window = FileWindow.ofTcpStream(capture, 1000, stream);
            assertTrue(window.analysis().frames().firstIndex() > 0, "stream " + stream + " is not at the start");
            TcpTimeSequence sequence = TcpTimeSequence.of(window.analysis(), stream);
            assertEquals(TcpTimeSequence.of(whole, stream), sequence, "stream " + stream);
            assertTrue(sequence.segments().get(0).frameNumber() > 1000, "frame numbers in the file");
            assertEquals(RoundTripTimes.of(whole, stream), RoundTripTimes.of(window.analysis(), stream),
                    "stream " + stream);
        }
    }

    private static ConversationTraffic trafficInParts(Path capture, int partFrames) throws IOException {
        ConversationTraffic.Counter counter = new ConversationTraffic.Counter();
        try (CaptureSegments segments = CaptureSegments.open(capture, partFrames)) {
            counter.count(segments);
        }
        try (CaptureSegments segments = CaptureSegments.open(capture, partFrames)) {
            counter.bucket(segments);
        }
        return counter.traffic();
    }

    private static void assertSameTraffic(ConversationTraffic expected, ConversationTraffic actual, String what) {
        assertEquals(expected.bucketNanos(), actual.bucketNanos(), what);
        assertEquals(expected.series().size(), actual.series().size(), what);
        for (int s = 0; s < expected.series().size(); s++) {
            ConversationTraffic.Series e = expected.series().get(s);
            ConversationTraffic.Series a = actual.series().get(s);
            assertEquals(e.conversation(), a.conversation(), what + ", series " + s);
            assertArrayEquals(e.bytes(), a.bytes(), what + ", series " + s);
            assertArrayEquals(e.frames(), a.frames(), what + ", series " + s);
            assertArrayEquals(e.firstFrameNumbers(), a.firstFrameNumbers(), what + ", series " + s);
        }
    }
}

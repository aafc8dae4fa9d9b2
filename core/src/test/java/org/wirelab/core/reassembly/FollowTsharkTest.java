package org.wirelab.core.reassembly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.wirelab.core.analysis.CaptureAnalysis;
import org.wirelab.core.pcap.CaptureSegments;
import org.wirelab.core.testing.Corpus;
import org.wirelab.core.testing.Environment;
import org.wirelab.core.testing.Tshark;

/**
 * Our follow text must equal {@code tshark -q -z follow,tcp|udp,ascii,N}, run live, for every TCP
 * stream and UDP flow of every corpus file and sample, through the whole pipeline (reader, summary
 * decoder, conversation index, reassembly).
 */
class FollowTsharkTest {

    static Stream<Arguments> streams() throws IOException {
        List<Path> captures = new ArrayList<>(Corpus.captures());
        captures.addAll(Environment.sampleFiles());
        List<Arguments> all = new ArrayList<>();
        for (Path capture : captures) {
            CaptureAnalysis analysis = analyse(capture);
            if (analysis == null) {
                continue;
            }
            String name = capture.getFileName().toString();
            for (int s = 0; s < analysis.conversations().tcpStreamCount(); s++) {
                all.add(Arguments.of(name, capture, false, s));
            }
            for (int s = 0; s < analysis.conversations().udpStreamCount(); s++) {
                all.add(Arguments.of(name, capture, true, s));
            }
        }
        return all.stream();
    }

    /** The analysis of {@code capture}, or null for the corpus's malformed files. */
    private static CaptureAnalysis analyse(Path capture) {
        return Corpus.read(capture).map(file -> CaptureAnalysis.of(file.frames())).orElse(null);
    }

    @ParameterizedTest(name = "{0} udp={2} stream {3}")
    @MethodSource("streams")
    void sameTextAsTshark(String name, Path capture, boolean udp, int stream) throws IOException {
        String expected = Tshark.runOnDamagedFile("-q", "-r", capture.toString(), "-z",
                "follow," + (udp ? "udp" : "tcp") + ",ascii," + stream);
        assertEquals(expected, Follow.text(analyse(capture), stream, udp));
    }

    /**
     * Read three frames at a time, keeping only the conversations and the stream's content from one
     * segment to the next, every stream of every file gives the text the whole capture gives (which
     * the test above holds to tshark's): frame numbers, gaps and both sides included.
     */
    @Test
    void everyStreamFollowedInSegmentsGivesTheWholeCapturesText() throws IOException {
        int followed = 0;
        for (Arguments arguments : streams().toList()) {
            Path capture = (Path) arguments.get()[1];
            boolean udp = (Boolean) arguments.get()[2];
            int stream = (Integer) arguments.get()[3];
            try (CaptureSegments segments = CaptureSegments.open(capture, 3)) {
                assertEquals(Follow.text(analyse(capture), stream, udp),
                        Follow.text(Follow.follow(segments, stream, udp), stream, udp), capture + " stream " + stream);
            }
            followed++;
        }
        assertTrue(followed > 50, "the corpus and samples have streams to follow: " + followed);
    }

    @Test
    void aStreamThatDoesNotExistIsAClearError() throws IOException {
        CaptureAnalysis analysis = analyse(Corpus.capture("gopacket__test_ethernet.pcap"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Follow.text(analysis, 5, false));
        assertEquals("no TCP stream 5: the capture has streams 0 to 0", e.getMessage());
        assertEquals("the capture has no UDP stream",
                assertThrows(IllegalArgumentException.class, () -> Follow.text(analysis, 0, true)).getMessage());
    }

    @Test
    void samplesDeliverWhatTheLabProgramsSent() throws IOException {
        Path sample = Environment.samples().resolve("tcp-hello.pcap");
        ReassembledStream stream = Follow.tcp(analyse(sample), 0);
        // samples/README.md: the client sends "hello serveur\n", the server answers "hello client\n"
        assertEquals("hello serveur\n", new String(stream.bytes(0), java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals("hello client\n", new String(stream.bytes(1), java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals(List.of(), stream.gaps(0));
    }
}

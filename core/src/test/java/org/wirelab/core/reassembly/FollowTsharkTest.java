package org.wirelab.core.reassembly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
import org.wirelab.core.pcap.CaptureFiles;
import org.wirelab.core.pcap.CaptureFormatException;
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

    private static CaptureAnalysis analyse(Path capture) throws IOException {
        try {
            return CaptureAnalysis.of(CaptureFiles.read(capture).frames());
        } catch (CaptureFormatException notACapture) {
            return null;   // the malformed corpus files; their errors are the reader's tests
        }
    }

    @ParameterizedTest(name = "{0} udp={2} stream {3}")
    @MethodSource("streams")
    void sameTextAsTshark(String name, Path capture, boolean udp, int stream) throws IOException {
        String expected = Tshark.runOnDamagedFile("-q", "-r", capture.toString(), "-z",
                "follow," + (udp ? "udp" : "tcp") + ",ascii," + stream);
        assertEquals(expected, Follow.text(analyse(capture), stream, udp));
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

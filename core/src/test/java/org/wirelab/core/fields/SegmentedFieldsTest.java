package org.wirelab.core.fields;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
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
import org.wirelab.core.pcap.CaptureFiles;
import org.wirelab.core.testing.Corpus;
import org.wirelab.core.testing.FieldLines;

/**
 * A file read a part at a time ({@link CaptureAnalysis#after}) gives every frame the same field values as
 * the whole file read at once: frame numbers, times since the capture's, the previous frame's and the
 * stream's first and previous frames, stream numbers, relative numbers, every tcp.analysis flag, acks_frame
 * and ack_rtt of a segment ACKed from a later part, the stream of a datagram an ICMP error of a later part
 * quotes, and the tree's fields (whose frame number and TCP numbers come from the part, whose HTTP message
 * may have begun in an earlier part). Parts of 1 and 7 frames cut every stream of the samples and corpus many times;
 * a generated capture of interleaved connections (retransmissions, RSTs, DNS) in parts of 1,000 frames has
 * streams and unacknowledged segments that span parts.
 */
class SegmentedFieldsTest {
    /**
     * Tree fields beside the catalog's: the frame's title (its number), TCP's title (relative numbers), HTTP
     * (messages whose segments lie in two parts), DNS.
     */
    private static final List<String> TREE_FIELDS = List.of("frame", "tcp", "frame.protocols", "http.request.method",
            "http.response.code", "dns.qry.name", "ip.ttl", "tcp.options.mss_val");

    static Stream<Path> captures() {
        return Corpus.readableWithSamples();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("captures")
    void partsOfOneAndSevenFramesGiveTheWholeFilesValues(Path capture) throws IOException {
        List<String> names = new ArrayList<>(FieldCatalog.knownNames());
        names.addAll(TREE_FIELDS);
        List<String> whole = FieldLines.of(new CaptureFields(CaptureAnalysis.of(CaptureFiles.read(capture).frames())), names);
        assertSameFrames(whole, FieldLines.inParts(capture, 1, names), capture.getFileName() + " in parts of 1 frame");
        assertSameFrames(whole, FieldLines.inParts(capture, 7, names), capture.getFileName() + " in parts of 7 frames");
    }

    @Test
    void manyInterleavedConnectionsInPartsOfAThousandFrames(@TempDir Path directory) throws IOException {
        Path capture = directory.resolve("loopback.pcap");
        LoopbackTrafficGenerator.write(capture, 10_000, 7);
        List<String> whole = FieldLines.of(new CaptureFields(CaptureAnalysis.of(CaptureFiles.read(capture).frames())),
                FieldCatalog.knownNames());
        assertEquals(10_000, whole.size());
        assertSameFrames(whole, FieldLines.inParts(capture, 1000, FieldCatalog.knownNames()), "parts of 1,000 frames");
    }

    /** Frame by frame, so that a difference names its frame rather than printing the whole capture twice. */
    private static void assertSameFrames(List<String> whole, List<String> inParts, String what) {
        assertEquals(whole.size(), inParts.size(), what + ": frames");
        for (int i = 0; i < whole.size(); i++) {
            assertEquals(whole.get(i), inParts.get(i), what + ": frame " + (i + 1));
        }
    }
}

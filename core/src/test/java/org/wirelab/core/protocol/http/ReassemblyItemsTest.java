package org.wirelab.core.protocol.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.wirelab.core.analysis.CaptureAnalysis;
import org.wirelab.core.decode.DecodedFrame;
import org.wirelab.core.decode.Field;
import org.wirelab.core.decode.FieldLabels;
import org.wirelab.core.decode.Layer;
import org.wirelab.core.fields.CaptureTree;
import org.wirelab.core.pcap.CaptureFiles;
import org.wirelab.core.testing.Environment;
import org.wirelab.core.testing.Tshark;

/**
 * TCP's items where HTTP is put together from several segments read in the tree as tshark -V writes them
 * (http-get.pcap: the response's headers in frame 6, its body in frame 8), and in French as a teacher would
 * write them.
 */
class ReassemblyItemsTest {
    private static final Path CAPTURE = Environment.samples().resolve("http-get.pcap");

    @Test
    void theTreeLinesAreTsharks() throws IOException {
        Tshark.require();
        String verbose = Tshark.run("-r", CAPTURE.toString(), "-V", "-Y", "frame.number == 8");
        List<String> ours = lines(frame(8), FieldLabels.english());
        for (String line : List.of("TCP segment data (19 bytes)",
                "[2 Reassembled TCP Segments (165 bytes): #6(146), #8(19)]",
                "[Frame: 6, payload: 0-145 (146 bytes)]", "[Frame: 8, payload: 146-164 (19 bytes)]",
                "[Segment count: 2]", "[Reassembled TCP length: 165]")) {
            assertTrue(verbose.contains(line), "tshark -V writes " + line);
            assertTrue(ours.contains(line), "wirelab's tree has " + line + ": " + ours);
        }
        String earlier = Tshark.run("-r", CAPTURE.toString(), "-V", "-Y", "frame.number == 6");
        assertTrue(earlier.contains("TCP segment data (146 bytes)"));
        assertTrue(lines(frame(6), FieldLabels.english()).contains("TCP segment data (146 bytes)"));
    }

    @Test
    void theTreeLinesInFrench() throws IOException {
        List<String> french = lines(frame(8), FieldLabels.of(Locale.FRENCH));
        for (String line : List.of("Données du segment TCP (19 octets)",
                "[2 segments TCP réassemblés (165 octets) : #6(146), #8(19)]",
                "[Trame 6, données 0 à 145 (146 octets)]", "[Nombre de segments : 2]",
                "[Longueur des données réassemblées : 165]")) {
            assertTrue(french.contains(line), line + " in " + french);
        }
    }

    private static DecodedFrame frame(int number) throws IOException {
        return new CaptureTree(CaptureAnalysis.of(CaptureFiles.read(CAPTURE).frames())).frame(number - 1);
    }

    private static List<String> lines(DecodedFrame frame, FieldLabels labels) {
        List<String> lines = new ArrayList<>();
        for (Layer layer : frame.layers()) {
            if (layer.protocol().equals("TCP")) {
                for (Field field : layer.fields()) {
                    field.forEach(f -> lines.add(f.wording() != null ? labels.line(f) : f.display()));
                }
            }
        }
        assertEquals(1, frame.layers().stream().filter(l -> l.protocol().equals("TCP")).count());
        return lines;
    }
}

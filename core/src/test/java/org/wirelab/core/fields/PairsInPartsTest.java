package org.wirelab.core.fields;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wirelab.core.analysis.CaptureAnalysis;
import org.wirelab.core.analysis.ConversationIndex;
import org.wirelab.core.analysis.FileWindow;
import org.wirelab.core.pcap.CaptureFiles;
import org.wirelab.core.testing.Corpus;
import org.wirelab.core.testing.FarPairsCapture;
import org.wirelab.core.testing.FieldLines;
import org.wirelab.core.testing.PairedFrames;
import org.wirelab.core.testing.Tshark;

/**
 * DNS transactions and ICMP echoes are carried from part to part ({@link CaptureAnalysis#after}): a
 * response, a message sent again or an echo reply read in a later part than its query or request gets the
 * fields the whole file gives it, whether the file is read through ({@code packets}) or only up to one frame
 * ({@link FileWindow}, {@code show --frame}), whose window is then the datagram alone, not its flow.
 */
class PairsInPartsTest {
    /** The fields that pair a frame with an earlier one, and what they pair by. */
    private static final List<String> PAIRING = List.of("dns.id", "dns.response_to", "dns.time",
            "dns.retransmission", "dns.retransmit_request", "dns.retransmit_request_in", "dns.retransmit_response",
            "dns.retransmit_response_in", "icmp.ident", "icmp.seq", "icmp.resp_to", "icmp.resptime");

    static Stream<Path> captures() {
        return PairedFrames.captures();
    }

    @Test
    void theSamplesAndCorpusHaveDnsTransactionsAndEchoesToPair() {
        List<Path> files = captures().toList();
        assertTrue(files.size() >= 3, "files with DNS or ICMP echoes: " + files);
        assertTrue(files.stream().anyMatch(file -> paired(file, "dns.response_to")), "a DNS response paired");
        assertTrue(files.stream().anyMatch(file -> paired(file, "icmp.resp_to")), "an echo reply paired");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("captures")
    void partsOfOneAndSevenFramesPairAsTheWholeFile(Path capture) throws IOException {
        CaptureFields whole = new CaptureFields(CaptureAnalysis.of(CaptureFiles.read(capture).frames()));
        List<String> lines = FieldLines.of(whole, PAIRING);
        for (int partFrames : new int[] {1, 7}) {
            String what = capture.getFileName() + " in parts of " + partFrames;
            assertSameFrames(lines, FieldLines.inParts(capture, partFrames, PAIRING), what);
            for (int index : PairedFrames.of(whole.analysis())) {
                FileWindow window = FileWindow.aroundFrame(capture, partFrames, index);
                assertEquals(lines.get(index), FieldLines.of(new CaptureFields(window.analysis()), PAIRING)
                        .get(window.indexOf(index)), what + ": the window of frame " + (index + 1));
                if (whole.analysis().conversations().udpStream(index) != ConversationIndex.NONE) {
                    // A file of one part is read once, that part being the window.
                    assertEquals(whole.size() > partFrames ? 1 : whole.size(), window.analysis().size(),
                            what + ": the window of datagram " + (index + 1));
                }
            }
        }
    }

    @Test
    void pairsThousandsOfFramesApartInPartsOfAHundred(@TempDir Path directory) throws IOException {
        Path capture = directory.resolve("far-pairs.pcap");
        int between = 3_000;
        FarPairsCapture.write(capture, between);
        CaptureFields whole = new CaptureFields(CaptureAnalysis.of(CaptureFiles.read(capture).frames()));
        int response = FarPairsCapture.dnsResponse(between) - 1;
        int reply = FarPairsCapture.echoReply(between) - 1;
        assertEquals("1", text(whole, "dns.response_to", response));
        assertEquals("1", text(whole, "dns.retransmit_request_in", FarPairsCapture.dnsQueryAgain(between) - 1));
        assertEquals(Integer.toString(response + 1), text(whole, "dns.retransmit_response_in", response + 1));
        assertEquals("2", text(whole, "icmp.resp_to", reply));
        assertEquals("", text(whole, "icmp.resp_to", reply + 1), "a second reply to the same request");
        List<String> lines = FieldLines.of(whole, PAIRING);
        assertSameFrames(lines, FieldLines.inParts(capture, 100, PAIRING), "parts of 100 frames");
        for (int index = response; index < whole.size(); index++) {
            FileWindow window = FileWindow.aroundFrame(capture, 100, index);
            assertEquals(lines.get(index), FieldLines.of(new CaptureFields(window.analysis()), PAIRING)
                    .get(window.indexOf(index)), "the window of frame " + (index + 1));
            assertTrue(window.analysis().size() <= 257, "window of frame " + (index + 1) + ": "
                    + window.analysis().size() + " frames");
        }
    }

    /** The same pairs as tshark's single pass gives them, however far apart. */
    @Test
    void pairsFarApartAreTsharks(@TempDir Path directory) throws IOException {
        Tshark.require();
        Path capture = directory.resolve("far-pairs.pcap");
        FarPairsCapture.write(capture, 3_000);
        List<String> names = PAIRING.stream().filter(name -> !name.equals("dns.retransmit_request")
                && !name.equals("dns.retransmit_response")).toList();
        List<String[]> tshark = Tshark.fields(capture, names);
        CaptureFields whole = new CaptureFields(CaptureAnalysis.of(CaptureFiles.read(capture).frames()));
        assertEquals(whole.size() + 1, tshark.size());
        for (int i = 0; i < whole.size(); i++) {
            for (int k = 0; k < names.size(); k++) {
                assertEquals(tshark.get(i + 1)[k], text(whole, names.get(k), i), names.get(k) + " of frame " + (i + 1));
            }
        }
    }

    private static boolean paired(Path capture, String field) {
        return Corpus.read(capture).map(file -> {
            CaptureFields fields = new CaptureFields(CaptureAnalysis.of(file.frames()));
            for (int i = 0; i < fields.size(); i++) {
                if (!text(fields, field, i).isEmpty()) {
                    return true;
                }
            }
            return false;
        }).orElse(false);
    }

    /** A field's texts in frame {@code index}, comma-separated as tshark prints them. */
    private static String text(CaptureFields fields, String name, int index) {
        return String.join(",", fields.texts(name, index));
    }

    private static void assertSameFrames(List<String> whole, List<String> inParts, String what) {
        assertEquals(whole.size(), inParts.size(), what + ": frames");
        for (int i = 0; i < whole.size(); i++) {
            assertEquals(whole.get(i), inParts.get(i), what + ": frame " + (i + 1));
        }
    }
}

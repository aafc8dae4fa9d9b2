package org.wirelab.app.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wirelab.app.CaptureFixtures;
import org.wirelab.source.Capture;
import org.wirelab.app.capture.FramePart;
import org.wirelab.core.decode.ByteRange;
import org.wirelab.core.decode.DecodedFrame;
import org.wirelab.core.decode.FrameDecoder;
import org.wirelab.core.decode.Layer;
import org.wirelab.core.frame.FrameStore;
import org.wirelab.core.pcap.CaptureFiles;
import org.wirelab.core.testing.Corpus;
import org.wirelab.core.testing.Environment;
import org.wirelab.core.testing.Tshark;

class OsiBreakdownTest {

    private static DecodedFrame frame(String sample, int number) {
        Capture capture = CaptureFixtures.sample(sample);
        return FrameDecoder.standard().decode(capture.frames(), number - 1);
    }

    private static String protocols(OsiRow row) {
        return String.join("+", row.layers().stream().map(Layer::protocol).toList());
    }

    @Test
    void aLoopbackSynOnTheSevenLayers() {
        List<OsiRow> rows = OsiBreakdown.of(frame("tcp-hello.pcap", 1));

        assertEquals(List.of(7, 6, 5, 4, 3, 2, 1), rows.stream().map(OsiRow::number).toList());
        assertEquals("osi.note.none", rows.get(0).noteKey(), "a SYN carries no application data");
        assertEquals("osi.note.tcpip", rows.get(1).noteKey());
        assertEquals("osi.note.tcpip", rows.get(2).noteKey());
        assertEquals("TCP", protocols(rows.get(3)));
        assertEquals("IPv4", protocols(rows.get(4)));
        assertEquals("Ethernet", protocols(rows.get(5)));
        assertEquals("osi.note.loopback", rows.get(6).noteKey());
    }

    @Test
    void dataReachesLayerSeven() {
        List<OsiRow> rows = OsiBreakdown.of(frame("http-get.pcap", 4));
        assertEquals("HTTP", protocols(rows.get(0)));
        assertEquals("", rows.get(0).noteKey());
    }

    @Test
    void aFrameFromARealNetworkGivesItsBitsOnTheMedium() throws Exception {
        Tshark.require();
        var file = Corpus.capture("dpkt__http.pcap");
        FrameStore frames = CaptureFiles.read(file).frames();
        DecodedFrame first = FrameDecoder.standard().decode(frames, 0);
        int length = Integer.parseInt(Tshark.fields(file, List.of("frame.len")).get(1)[0]);

        OsiRow physical = OsiBreakdown.of(first).get(6);

        assertEquals("osi.note.bits", physical.noteKey());
        assertEquals(List.of(length, 8L * length), physical.noteArguments());
    }

    @Test
    void aByteSelectsTheInnermostFieldReadFromTheWire() {
        DecodedFrame syn = frame("tcp-hello.pcap", 1);
        Tshark.require();
        // tshark -T pdml gives each field's position: tcp.dstport is at 36, ip.src at 26 (no IP options).
        String pdml = Tshark.run("-r", Environment.samples().resolve("tcp-hello.pcap").toString(), "-c", "1", "-T", "pdml");
        assertTrue(java.util.regex.Pattern.compile("name=\"tcp.dstport\"[^>]*size=\"2\" pos=\"36\"").matcher(pdml).find(),
                "tshark places tcp.dstport at 36, 2 bytes");
        assertTrue(java.util.regex.Pattern.compile("name=\"ip.src\"[^>]*size=\"4\" pos=\"26\"").matcher(pdml).find(),
                "tshark places ip.src at 26, 4 bytes");

        assertEquals("tcp.dstport", FramePart.at(syn, 36).field().name());
        assertEquals(new ByteRange(36, 2), FramePart.at(syn, 37).range());
        assertEquals("ip.src", FramePart.at(syn, 26).field().name());
        assertEquals(4, FramePart.at(syn, 36).osiLayer());
        assertEquals(2, FramePart.at(syn, 0).osiLayer());
    }
}

package org.wirelab.core.ladder.draw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.wirelab.core.analysis.CaptureAnalysis;
import org.wirelab.core.ladder.CaptureLadder;
import org.wirelab.core.ladder.TcpSegment;
import org.wirelab.core.pcap.CaptureFiles;
import org.wirelab.core.tcpstate.TcpStates;
import org.wirelab.core.testing.Environment;

/**
 * As textbooks draw them: a lost frame's arrow stops part-way with a cross and no head; a segment that
 * carries data is titled by what it carries, quoted and escaped, while a pure ACK stays "ACK". Checked on
 * the SVG the export writes, which the canvas and the PNG draw with the same painter.
 */
class LostAndDataArrowsTest {
    private static final Pattern GROUP = Pattern.compile("<g class=\"arrow\" data-frame=\"(\\d+)\">(.*?)</g>", Pattern.DOTALL);
    private static final Pattern LINE = Pattern.compile(
            "<line x1=\"([-\\d.]+)\" y1=\"([-\\d.]+)\" x2=\"([-\\d.]+)\" y2=\"([-\\d.]+)\"");

    /** tcp-hello.pcap, with frame 4 (the client's "hello serveur\n") lost on the way. */
    private static String svg(boolean frameFourLost) throws IOException {
        CaptureAnalysis analysis = CaptureAnalysis.of(
                CaptureFiles.read(Environment.samples().resolve("tcp-hello.pcap")).frames());
        CaptureLadder ladder = CaptureLadder.of(analysis, TcpStates.of(analysis), i -> frameFourLost && i == 3);
        return LadderSvg.render(ladder, LadderTexts.ENGLISH, false, "tcp-hello");
    }

    private static String group(String svg, int frame) {
        Matcher group = GROUP.matcher(svg);
        while (group.find()) {
            if (Integer.parseInt(group.group(1)) == frame) {
                return group.group(2);
            }
        }
        throw new AssertionError("no arrow for frame " + frame);
    }

    private static List<double[]> lines(String group) {
        return LINE.matcher(group).results().map(m -> new double[] {Double.parseDouble(m.group(1)),
                Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3)), Double.parseDouble(m.group(4))}).toList();
    }

    @Test
    void aLostFrameStopsPartWayWithACross() throws IOException {
        String delivered = group(svg(false), 4);
        String lost = group(svg(true), 4);
        assertTrue(delivered.contains("<polygon"), "a delivered frame has its head");
        assertFalse(lost.contains("<polygon"), "a lost frame has no head: it never arrives");

        String lostSvg = svg(true);
        double[] whole = lines(group(lostSvg, 3)).get(0);   // the third segment of the handshake: client to server
        List<double[]> lostLines = lines(lost);
        double[] shaft = lostLines.get(0);
        assertEquals(whole[0], shaft[0], 0.01, "it leaves its sender");
        double stop = shaft[2];
        double fraction = (stop - whole[0]) / (whole[2] - whole[0]);
        assertTrue(fraction > 0.4 && fraction < 0.8, "it stops part-way: " + fraction);
        List<double[]> cross = lostLines.stream().filter(l -> l[1] != l[3]).toList();
        assertEquals(2, cross.size(), "two strokes make the cross");
        for (double[] stroke : cross) {
            assertEquals(stop, (stroke[0] + stroke[2]) / 2, 0.01, "centred where the arrow stops");
            assertEquals(shaft[1], (stroke[1] + stroke[3]) / 2, 0.01);
        }
        assertTrue(lost.contains("Lost on the way"), "and it still says so");
    }

    @Test
    void dataSegmentsAreTitledByWhatTheyCarryAndPureAcksStayAck() throws IOException {
        String svg = svg(false);
        assertTrue(group(svg, 4).contains("&quot;hello serveur\\n&quot;"), group(svg, 4));
        assertFalse(group(svg, 4).contains(">PSH, ACK<"), "not titled by its flags");
        assertTrue(group(svg, 5).contains(">ACK<"), "its acknowledgement is a pure ACK: " + group(svg, 5));
        assertTrue(group(svg, 1).contains(">SYN<"), group(svg, 1));
    }

    @Test
    void theStartOfLongDataIsCutAtACharacterAndEscaped() {
        byte[] bytes = "GET /index.html HTTP/1.1\r\nHost: x\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals("\"GET /index.html HTTP\"…", TcpSegment.payloadStart(bytes, 0, bytes.length));
        byte[] french = "réseau\u0000 éèà ok".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals("\"réseau\\x00 éèà ok\"", TcpSegment.payloadStart(french, 0, french.length));
        byte[] accents = "ééééééééééééé".getBytes(java.nio.charset.StandardCharsets.UTF_8);   // 26 bytes
        assertEquals("\"" + "é".repeat(10) + "\"…", TcpSegment.payloadStart(accents, 0, accents.length));
        assertEquals("", TcpSegment.payloadStart(bytes, 0, 0));
    }
}

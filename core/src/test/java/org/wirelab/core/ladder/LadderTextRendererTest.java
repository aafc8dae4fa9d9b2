package org.wirelab.core.ladder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wirelab.core.analysis.CaptureAnalysis;
import org.wirelab.core.pcap.CaptureFiles;
import org.wirelab.core.tcpstate.TcpStates;
import org.wirelab.core.testing.Environment;

class LadderTextRendererTest {
    private final LadderModel model = new LadderModel(
            List.of(new Lane(0, "10.1.1.2:44644", "client"), new Lane(1, "10.1.1.1:80", "server"),
                    new Lane(2, "10.1.1.9", "host")),
            List.of(new Arrow(1, 0, 1, 0, "SYN Seq=0 Win=29200 Len=0",
                            List.of(new LaneNote(0, LaneNote.Kind.STATE, "CLOSED -> SYN-SENT"),
                                    new LaneNote(1, LaneNote.Kind.STATE, "LISTEN -> SYN-RECEIVED"))),
                    new Arrow(2, 1, 0, 923_000, "SYN, ACK Seq=0 Ack=1 Win=5792 Len=0",
                            List.of(new LaneNote(1, LaneNote.Kind.EXPERT, "Retransmission"))),
                    new Arrow(3, 2, 0, 1_500_000_000L, "Echo (ping) request", List.of())));

    @Test
    void oneLinePerFrameWithArrowsBetweenTheLaneCentres() {
        String[] lines = LadderTextRenderer.render(model).split("\n");
        assertEquals(2 + 3, lines.length);
        LadderLayout.Geometry g = LadderLayout.compute(model, String::length, 20, 3);
        int offset = 12;   // the time column
        int a = offset + g.laneCenter(0);
        int b = offset + g.laneCenter(1);
        int c = offset + g.laneCenter(2);
        assertTrue(lines[0].startsWith("Time"));
        assertTrue(lines[0].contains("A: 10.1.1.2:44644") && lines[0].contains("B: 10.1.1.1:80")
                && lines[0].contains("C: 10.1.1.9"), lines[0]);
        assertTrue(lines[1].contains("(client)") && lines[1].contains("(server)"), lines[1]);
        String syn = lines[2];
        assertTrue(syn.startsWith("0.000000"), syn);
        assertEquals('|', syn.charAt(a));
        assertEquals('>', syn.charAt(b - 1));
        assertEquals('|', syn.charAt(b));
        assertEquals('|', syn.charAt(c));
        assertTrue(syn.endsWith("SYN Seq=0 Win=29200 Len=0   A: CLOSED -> SYN-SENT; B: LISTEN -> SYN-RECEIVED"), syn);
        String synAck = lines[3];
        assertTrue(synAck.startsWith("0.000923"), synAck);
        assertEquals('<', synAck.charAt(a + 1));
        assertTrue(synAck.endsWith("! Retransmission"), synAck);
        String ping = lines[4];
        assertTrue(ping.startsWith("1.500000"), ping);
        assertEquals('<', ping.charAt(a + 1));
        assertEquals('-', ping.charAt(b));   // the arrow crosses lane B
    }

    @Test
    void lanesNeverOverlapTheirTitles() {
        LadderModel wide = new LadderModel(List.of(
                new Lane(0, "[2001:470:e5bf:dead:4957:2174:e82c:4887]:63943", "client"),
                new Lane(1, "[2607:f8b0:400c:c03::1a]:25", "server")), List.of());
        LadderLayout.Geometry g = LadderLayout.compute(wide, String::length, 20, 3);
        int firstEnd = g.laneCenter(0) + (LadderLayout.title(wide.lanes().get(0)).length() + 1) / 2;
        int secondStart = g.laneCenter(1) - LadderLayout.title(wide.lanes().get(1)).length() / 2;
        assertTrue(secondStart - firstEnd >= 3, firstEnd + " " + secondStart);
    }

    @Test
    void lanesAreTaggedLikeSpreadsheetColumns() {
        assertEquals("A", LadderLayout.tag(0));
        assertEquals("Z", LadderLayout.tag(25));
        assertEquals("AA", LadderLayout.tag(26));
    }

    /**
     * samples/reference/simultaneous-close-client: the client's FIN (frame 5) is taken by the server only
     * after the server's own FIN (frame 7) left. Its arrow slants over the rows until then: frame 5's row
     * does not reach the server's lane, and an X marks where it crosses the arrows coming the other way.
     */
    @Test
    void crossingFinsAreDrawnCrossing() throws Exception {
        CaptureAnalysis analysis = CaptureAnalysis.of(CaptureFiles.read(Environment.samples().resolve("reference")
                .resolve("simultaneous-close-client.pcap")).frames());
        List<String> lines = LadderTextRenderer.render(CaptureLadder.of(analysis, TcpStates.of(analysis))).lines().toList();
        String fin5 = arrowOf(lines.get(2 + 4));
        String fin7 = arrowOf(lines.get(2 + 6));
        assertTrue(lines.get(2 + 4).contains("FIN, ACK Seq=15") && lines.get(2 + 6).contains("FIN, ACK Seq=1 Ack=15"));
        assertTrue(fin5.startsWith("|-") && !fin5.contains(">") && fin5.endsWith(" |"), "leaves, not yet there: " + fin5);
        assertTrue(fin7.startsWith("|<") && fin7.contains("X"), "crossed by frame 5 on the way: " + fin7);
        // The arrows that are not in flight across rows are whole, and none is crossed.
        for (int row : List.of(0, 1, 2, 3, 8)) {
            String arrow = arrowOf(lines.get(2 + row));
            assertTrue(arrow.matches("\\|(-+>|<-+)\\|"), "frame " + (row + 1) + ": " + arrow);
        }
    }

    /** The part of a ladder line between its two lanes, "|----->|". */
    private static String arrowOf(String line) {
        int first = line.indexOf('|');
        return line.substring(first, line.indexOf('|', first + 1) + 1);
    }
}

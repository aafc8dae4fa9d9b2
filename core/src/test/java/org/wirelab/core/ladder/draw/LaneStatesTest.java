package org.wirelab.core.ladder.draw;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wirelab.core.analysis.CaptureAnalysis;
import org.wirelab.core.ladder.CaptureLadder;
import org.wirelab.core.ladder.FocusedLadder;
import org.wirelab.core.ladder.Ladder;
import org.wirelab.core.ladder.LadderModel;
import org.wirelab.core.ladder.LaneStates;
import org.wirelab.core.pcap.CaptureFiles;
import org.wirelab.core.tcpstate.TcpStates;
import org.wirelab.core.testing.Environment;

/** Each lane's TCP state in the header of a view scrolled into the middle of a connection. */
class LaneStatesTest {



    private static CaptureAnalysis analysis(String sample) throws Exception {
        return CaptureAnalysis.of(CaptureFiles.read(Environment.samples().resolve(sample)).frames());
    }

    /** The state boxes' texts drawn in the header, beside the lanes' roles ("(client)" has its baseline at 43). */
    private static List<RecordingSurface.Drawn> topOfLanes(RecordingSurface surface) {
        return surface.texts.stream().filter(d -> Math.abs(d.y() - 43.5) < 0.01).toList();
    }

    @Test
    void inTheMiddleOfABulkTransferBothLanesSayEstablishedInTheHeader() throws Exception {
        CaptureAnalysis analysis = analysis("scenarios/tcp-bulk.pcap");
        Ladder ladder = CaptureLadder.of(analysis, TcpStates.of(analysis));
        RecordingSurface surface = new RecordingSurface();
        LadderPainter painter = new LadderPainter(ladder, LadderTexts.ENGLISH, surface);
        LadderView top = LadderView.of(900, 400);
        painter.paint(surface, top);
        assertEquals(List.of(), topOfLanes(surface), "at the top, the states are written where they change");

        // Scrolled so that the first row is the tenth segment: the handshake is far above.
        LadderView middle = top.scrolledTo(0, painter.contentY(9, top) - 20);
        surface.texts.clear();
        painter.paint(surface, middle);

        List<RecordingSurface.Drawn> states = topOfLanes(surface);
        assertEquals(2, states.size(), states.toString());
        for (int lane = 0; lane < 2; lane++) {
            double x = painter.laneX(lane, middle);
            assertTrue(states.stream().anyMatch(d -> d.text().equals("ESTABLISHED") && d.x() > x && d.x() < x + 150),
                    "beside lane " + lane + " at x=" + x + ": " + states);
        }
    }

    @Test
    void aLaneKeepsTheStateOfItsLastChangeAbove() throws Exception {
        CaptureAnalysis analysis = analysis("tcp-hello.pcap");
        LadderModel ladder = CaptureLadder.build(analysis, TcpStates.of(analysis));
        LaneStates states = LaneStates.of(ladder);
        // The client's lane: SYN-SENT after frame 1 (arrow 0), ESTABLISHED once its ACK (arrow 2) shows
        // it took the SYN-ACK.
        int client = ladder.arrow(0).fromLane();
        assertEquals("", states.before(client, 0));
        assertEquals("SYN-SENT", states.before(client, 1));
        assertEquals("SYN-SENT", states.before(client, 2));
        assertEquals("ESTABLISHED", states.before(client, 3));
        assertEquals("ESTABLISHED", states.before(client, 5));
    }

    /**
     * The capture ladder gives a view its state notes without making whole arrows (a million frames have some
     * 230,000 state changes): they are exactly the arrows' notes of kind STATE, on every frame of the samples
     * and of the real Linux references (losses, crossing FINs, half closes, refusals), and the lanes' states
     * are made once a ladder.
     */
    @Test
    void theStateNotesAloneAreTheArrowsStateNotes() throws Exception {
        List<java.nio.file.Path> captures = new java.util.ArrayList<>();
        for (java.nio.file.Path folder : List.of(Environment.samples(), Environment.samples().resolve("scenarios"),
                Environment.samples().resolve("reference"))) {
            try (var files = java.nio.file.Files.list(folder)) {
                files.filter(f -> f.toString().endsWith(".pcap")).sorted().forEach(captures::add);
            }
        }
        assertTrue(captures.size() > 20, captures.toString());
        int notes = 0;
        for (java.nio.file.Path capture : captures) {
            CaptureAnalysis analysis = CaptureAnalysis.of(CaptureFiles.read(capture).frames());
            CaptureLadder ladder = CaptureLadder.of(analysis, TcpStates.of(analysis));
            for (int i = 0; i < ladder.size(); i++) {
                List<org.wirelab.core.ladder.LaneNote> fromArrow = ladder.arrow(i).notes().stream()
                        .filter(note -> note.kind() == org.wirelab.core.ladder.LaneNote.Kind.STATE).toList();
                assertEquals(fromArrow, ladder.stateNotes(i), capture.getFileName() + " arrow " + i);
                notes += fromArrow.size();
            }
            assertTrue(ladder.laneStates() == ladder.laneStates(), "made once: " + capture.getFileName());
        }
        assertTrue(notes > 100, notes + " state notes");
    }

    @Test
    void theCaptureLadderNamesTheSameStateChangesAsItsArrows() throws Exception {
        for (String sample : List.of("tcp-hello.pcap", "scenarios/chat.pcap", "scenarios/tcp-refused.pcap")) {
            CaptureAnalysis analysis = analysis(sample);
            CaptureLadder lazy = CaptureLadder.of(analysis, TcpStates.of(analysis));
            LadderModel made = CaptureLadder.build(analysis, TcpStates.of(analysis));
            // The model's answer looks at every arrow's notes; the capture ladder's reads the state timeline.
            assertArrayEquals(made.stateChangeArrows(), lazy.stateChangeArrows(), sample);
            int[] odd = java.util.stream.IntStream.range(0, made.size()).filter(i -> i % 2 == 1).toArray();
            FocusedLadder focused = new FocusedLadder(lazy, odd);
            LadderModel focusedMade = new LadderModel(focused.lanes(),
                    java.util.stream.IntStream.range(0, focused.size()).mapToObj(focused::arrow).toList());
            assertArrayEquals(focusedMade.stateChangeArrows(), focused.stateChangeArrows(), sample + " focused");
        }
    }
}

package org.wirelab.core.ladder.draw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wirelab.core.ladder.Arrow;
import org.wirelab.core.ladder.FocusedLadder;
import org.wirelab.core.ladder.Ladder;
import org.wirelab.core.ladder.LadderModel;
import org.wirelab.core.ladder.Lane;

/** What the painter draws for a view: only the visible arrows, and clicks found back to their frame. */
class LadderPainterTest {

    /** A ladder of {@code size} arrows between lanes 0 and 1 that counts the arrows it is asked for. */
    private static final class CountingLadder implements Ladder {
        private final int size;
        private int made;

        CountingLadder(int size) {
            this.size = size;
        }

        @Override
        public List<Lane> lanes() {
            return List.of(new Lane(0, "10.0.0.1:40000", "client"), new Lane(1, "10.0.0.2:80", "server"),
                    new Lane(2, "10.0.0.3:53", "server"));
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public Arrow arrow(int index) {
            made++;
            return new Arrow(index + 1, index % 2, 1 - index % 2, index * 1000L, "UDP Len=" + index, List.of());
        }

        @Override
        public int fromLane(int index) {
            return index % 2;
        }

        @Override
        public int toLane(int index) {
            return 1 - index % 2;
        }

        @Override
        public int frameNumber(int index) {
            return index + 1;
        }
    }


    @Test
    void aMillionArrowLadderDrawsOnlyTheRowsOnScreen() {
        CountingLadder ladder = new CountingLadder(1_000_000);
        LadderPainter painter = new LadderPainter(ladder, LadderTexts.ENGLISH, new RecordingSurface());
        int rowsOnScreen = (int) Math.ceil((600 - LadderPainter.HEADER) / LadderPainter.rowHeight(1));
        LadderView view = LadderView.of(1000, 600).scrolledTo(0, 500_000 * LadderPainter.rowHeight(1));
        ladder.made = 0;
        RecordingSurface surface = new RecordingSurface();
        painter.paint(surface, view);
        // The row above the view is drawn too (its state notes reach into the view), hidden under the titles.
        assertEquals(500_000, surface.arrows.get(0), "the first row drawn is frame 500,000");
        assertTrue(surface.arrows.size() <= rowsOnScreen + 2, surface.arrows.size() + " arrows drawn");
        assertTrue(ladder.made <= 2 * (rowsOnScreen + 2), ladder.made + " arrows made");
    }

    @Test
    void aNarrowViewBringsTheLanesCloserAsFarAsTheirLabelsAllow() {
        CountingLadder ladder = new CountingLadder(50);
        LadderPainter painter = new LadderPainter(ladder, LadderTexts.ENGLISH, new RecordingSurface());
        double natural = painter.contentWidth();
        double wide = LadderPainter.TIME_COLUMN + natural + 100;
        assertEquals(natural, painter.contentWidth(wide), "a view wide enough keeps the natural spacing");

        double narrow = LadderPainter.TIME_COLUMN + natural - 100;
        LadderView view = LadderView.of(narrow, 500);
        assertEquals(narrow - LadderPainter.TIME_COLUMN, painter.contentWidth(narrow), 1e-9, "the lanes fill the view");
        for (int lane = 0; lane < 3; lane++) {
            double x = painter.laneX(lane, view);
            assertTrue(x > LadderPainter.TIME_COLUMN && x < narrow, "lane " + lane + " at " + x);
        }
        double[] middle = painter.arrowMiddle(3, view);
        assertEquals(4, painter.frameAt(middle[0], middle[1], view), "clicks follow the lanes");

        // Too narrow even then: the lanes stay far enough apart for their labels ("UDP Len=49", 70 pixels here).
        LadderView tiny = LadderView.of(300, 500);
        assertTrue(painter.laneX(1, tiny) - painter.laneX(0, tiny) >= 70);
        assertTrue(painter.contentWidth(300) > 300 - LadderPainter.TIME_COLUMN, "so the view scrolls sideways");
    }

    @Test
    void aClickOnAnArrowFindsItsFrameAndAClickElsewhereNone() {
        CountingLadder ladder = new CountingLadder(50);
        LadderPainter painter = new LadderPainter(ladder, LadderTexts.ENGLISH, new RecordingSurface());
        LadderView view = LadderView.of(900, 500).scrolledTo(0, 10 * LadderPainter.rowHeight(1));
        double[] middle = painter.arrowMiddle(12, view);
        assertNotNull(middle);
        assertEquals(13, painter.frameAt(middle[0], middle[1], view));
        assertEquals(0, painter.frameAt(middle[0], 10, view), "the header");
        assertEquals(0, painter.frameAt(20, middle[1], view), "the time column");
        assertEquals(0, painter.frameAt(middle[0], middle[1], view.revealing(12, 0)), "a frame playback hides");
        assertEquals(12, painter.indexOfFrame(13));
    }

    @Test
    void playbackDrawsTheRevealedArrowsAndMasksThePredictedOne() {
        CountingLadder ladder = new CountingLadder(20);
        LadderPainter painter = new LadderPainter(ladder, LadderTexts.ENGLISH, new RecordingSurface());
        RecordingSurface surface = new RecordingSurface();
        painter.paint(surface, LadderView.of(900, 2000).revealing(3, 0));
        assertEquals(List.of(1, 2, 3), surface.arrows);
    }

    @Test
    void playbackRevealsByFrameNumberInAFocusedLadder() {
        FocusedLadder focused = new FocusedLadder(new CountingLadder(20), new int[] {1, 4, 8});
        LadderPainter painter = new LadderPainter(focused, LadderTexts.ENGLISH, new RecordingSurface());
        RecordingSurface surface = new RecordingSurface();
        painter.paint(surface, LadderView.of(900, 2000).revealing(5, 0));
        assertEquals(List.of(2, 5), surface.arrows, "frames 2 and 5 are revealed, frame 9 not yet");
        assertEquals(2, focused.lanes().size());
    }

    @Test
    void aTimedViewDrawsAPauseToScaleAndKeepsCloseFramesARowApart() {
        long[] millis = {0, 1, 2, 1002, 1003};
        List<Arrow> arrows = new ArrayList<>();
        for (int i = 0; i < millis.length; i++) {
            arrows.add(new Arrow(i + 1, i % 2, 1 - i % 2, millis[i] * 1_000_000L, "UDP Len=" + i, List.of()));
        }
        LadderModel model = new LadderModel(new CountingLadder(0).lanes(), arrows);
        LadderPainter painter = new LadderPainter(model, LadderTexts.ENGLISH, new RecordingSurface());
        LadderView timed = LadderView.of(900, 5000).timed(true);
        double row = LadderPainter.rowHeight(1);
        double[] y = new double[millis.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = painter.contentY(i, timed);
        }
        assertEquals(row, y[1] - y[0], 1e-9, "a millisecond apart: one row");
        assertEquals(row, y[4] - y[3], 1e-9);
        assertTrue(y[3] - y[2] > 2.5 * row, "the second-long pause takes more room than rows: " + (y[3] - y[2]));
        assertEquals(y[3] - y[0], (y[4] - y[0]) * 1002 / 1003.0, row, "the pause to scale with the whole capture");
        double[] middle = painter.arrowMiddle(3, timed);
        assertEquals(4, painter.frameAt(middle[0], middle[1], timed));
        assertEquals(0, painter.frameAt(middle[0], middle[1] - 2.5 * row, timed), "the empty pause selects nothing");
        RecordingSurface surface = new RecordingSurface();
        painter.paint(surface, timed);
        assertTrue(surface.textsOnly().contains("1.000000 s"), "the time grid marks the second: " + surface.textsOnly());
        assertEquals(List.of(1, 2, 3, 4, 5), surface.arrows);
        assertEquals(row * (millis.length - 1), painter.contentY(4, timed.timed(false)) - painter.contentY(0,
                timed.timed(false)), 1e-9, "one row each without the time scale");
    }

    @Test
    void wirelabsOwnLostNoteIsWrittenInTheLadderLanguageAndTsharksNotesAreKept() {
        org.wirelab.core.ladder.TcpSegment segment = new org.wirelab.core.ladder.TcpSegment(0x18, 1, 1, 1, 1, 14, 512, 0);
        Arrow lost = new Arrow(4, 0, 1, 0, "PSH, ACK", List.of(
                new org.wirelab.core.ladder.LaneNote(0, org.wirelab.core.ladder.LaneNote.Kind.EXPERT,
                        org.wirelab.core.ladder.CaptureLadder.LOST),
                new org.wirelab.core.ladder.LaneNote(0, org.wirelab.core.ladder.LaneNote.Kind.EXPERT, "Retransmission")),
                segment);
        LadderTexts french = new LadderTexts("Temps (s)", "N°", java.util.Map.of(), java.util.Map.of(),
                "état TCP après la flèche", "Perdue en chemin : le destinataire ne l’a jamais reçue");
        String first = LadderPainter.labelLines(lost, false, false, french)[0];
        assertEquals("PSH, ACK  [Perdue en chemin : le destinataire ne l’a jamais reçue, Retransmission]", first);
        assertTrue(LadderPainter.labelLines(lost, false, false)[0].contains(org.wirelab.core.ladder.CaptureLadder.LOST));
    }
}

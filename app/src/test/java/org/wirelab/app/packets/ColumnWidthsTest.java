package org.wirelab.app.packets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ColumnWidthsTest {
    private final ColumnWidths widths = new ColumnWidths(PacketColumn.ALL);
    private final double[] own = PacketColumn.ALL.stream().mapToDouble(PacketColumn::width).toArray();
    private final double othersOwn = Arrays.stream(own, 0, own.length - 1).sum();

    @Test
    void aWideListGivesEveryColumnItsWidthAndInfoTheRest() {
        double[] laidOut = widths.laidOut(1200);
        assertArrayEquals(Arrays.copyOf(own, own.length - 1), Arrays.copyOf(laidOut, own.length - 1));
        assertEquals(1200 - othersOwn, laidOut[own.length - 1]);
    }

    @Test
    void aNarrowListShrinksTheOtherColumnsAlikeSoThatInfoKeepsItsWidth() {
        double listWidth = 590;   // the list's share of a 1024-pixel window
        double[] laidOut = widths.laidOut(listWidth);
        double info = own[own.length - 1];
        assertEquals(info, laidOut[own.length - 1], 0.001);
        assertEquals(listWidth, Arrays.stream(laidOut).sum(), 0.001);
        double shrink = (listWidth - info) / othersOwn;
        for (int c = 0; c < own.length - 1; c++) {
            assertEquals(own[c] * shrink, laidOut[c], 0.001, "column " + c);
        }
    }

    @Test
    void noColumnShrinksBelowTheMinimumAndTheEdgesFollowTheLaidOutWidths() {
        double[] laidOut = widths.laidOut(100);
        for (int c = 0; c < own.length - 1; c++) {
            // Length and Time have given way; every other column keeps the minimum.
            assertEquals(c == 1 || c == 5 ? 0 : ColumnWidths.MINIMUM, laidOut[c], "column " + c);
        }
        double[] narrow = widths.laidOut(590);
        assertEquals(1, widths.edgeAt(narrow[0] + narrow[1], 590));
        assertEquals(-1, widths.edgeAt(own[0] + own[1], 590), "the edge of the unshrunk layout is not an edge here");
    }

    /**
     * Zoomed in on a projector, the list is too narrow for every column to keep its text: Length gives up its
     * place, then Time, and the others keep at least {@link ColumnWidths#READABLE} of their widths, Info its own.
     */
    @Test
    void aListTooNarrowForReadableColumnsHidesLengthThenTime() {
        double info = own[own.length - 1];
        double zoomedOnce = 590 / 1.15;
        double[] laidOut = widths.laidOut(zoomedOnce);
        assertEquals(0, laidOut[5], "Length gives way");
        assertTrue(laidOut[1] > 0, "Time stays");
        double zoomedTwice = 590 / (1.15 * 1.15);
        laidOut = widths.laidOut(zoomedTwice);
        assertEquals(0, laidOut[5]);
        assertEquals(0, laidOut[1], "then Time");
        assertEquals(info, laidOut[own.length - 1], 0.001, "Info keeps its own width");
        assertEquals(zoomedTwice, Arrays.stream(laidOut).sum(), 0.001);
        for (int c : new int[] {0, 2, 3, 4}) {
            assertTrue(laidOut[c] >= own[c] * ColumnWidths.READABLE - 0.001, "column " + c + ": " + laidOut[c]);
        }
        // A hidden column's edge is not one to drag: the edge there is the column's before it.
        assertEquals(0, widths.edgeAt(laidOut[0], zoomedTwice));
        assertEquals(-1, widths.edgeAt(1, zoomedTwice));
    }
}

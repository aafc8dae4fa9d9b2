package org.wirelab.app.packets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
            assertEquals(ColumnWidths.MINIMUM, laidOut[c]);
        }
        double[] narrow = widths.laidOut(590);
        assertEquals(1, widths.edgeAt(narrow[0] + narrow[1], 590));
        assertEquals(-1, widths.edgeAt(own[0] + own[1], 590), "the edge of the unshrunk layout is not an edge here");
    }
}

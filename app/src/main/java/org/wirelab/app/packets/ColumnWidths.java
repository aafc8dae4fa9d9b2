package org.wirelab.app.packets;

import java.util.List;

/**
 * The packet list's column widths: each column's own (Wireshark's defaults until the person drags a
 * header's edge), and the last (Info) the width the others leave, never less than its own. In a list
 * too narrow for them all (a 1024x768 projector), the other columns shrink alike so that Info, the
 * column that says what happened, keeps its own width.
 */
final class ColumnWidths {
    /** Narrower, a column's title and text are cut to nothing. */
    static final double MINIMUM = 36;
    /** How near a header's edge the pointer grabs it, in pixels either side. */
    private static final double GRAB = 4;
    private final double[] chosen;

    ColumnWidths(List<PacketColumn> columns) {
        chosen = columns.stream().mapToDouble(PacketColumn::width).toArray();
    }

    /** Every column's width in a list {@code listWidth} wide. */
    double[] laidOut(double listWidth) {
        int info = chosen.length - 1;
        double others = 0;
        for (int c = 0; c < info; c++) {
            others += chosen[c];
        }
        double shrink = Math.min(1, Math.max(0, listWidth - chosen[info]) / others);
        double[] widths = new double[chosen.length];
        double used = 0;
        for (int c = 0; c < info; c++) {
            widths[c] = Math.max(MINIMUM, chosen[c] * shrink);
            used += widths[c];
        }
        widths[info] = Math.max(chosen[info], listWidth - used);
        return widths;
    }

    /**
     * The column whose right edge is at {@code x} in a list {@code listWidth} wide (give or take a few
     * pixels), or -1; the last has none to drag.
     */
    int edgeAt(double x, double listWidth) {
        double[] widths = laidOut(listWidth);
        double edge = 0;
        for (int c = 0; c < widths.length - 1; c++) {
            edge += widths[c];
            if (Math.abs(x - edge) <= GRAB) {
                return c;
            }
        }
        return -1;
    }

    void resize(int column, double width) {
        chosen[column] = Math.max(MINIMUM, width);
    }
}

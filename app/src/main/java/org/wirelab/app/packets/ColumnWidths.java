package org.wirelab.app.packets;

import java.util.List;

/**
 * The packet list's column widths: each column's own (Wireshark's defaults until the person drags a
 * header's edge), and the last (Info) the width the others leave, never less than its own. In a list
 * too narrow for them all (a 1024x768 projector), the other columns shrink alike so that Info, the
 * column that says what happened, keeps its own width; and where shrinking would cut their text too
 * (zoomed in), Length, then Time, give up their place (width 0) rather than every column be cut: the
 * frame's length is in the OSI tree and the encapsulation bar, its time beside the ladder.
 */
final class ColumnWidths {
    /** Narrower, a column's title and text are cut to nothing. */
    static final double MINIMUM = 36;
    /** The least share of their own widths the other columns keep: less, and their text is cut. */
    static final double READABLE = 0.7;
    /** The columns that give up their place in a list too narrow, in turn: Length, then Time. */
    private static final int[] GIVE_WAY = {5, 1};
    /** How near a header's edge the pointer grabs it, in pixels either side. */
    private static final double GRAB = 4;
    private final double[] chosen;

    ColumnWidths(List<PacketColumn> columns) {
        chosen = columns.stream().mapToDouble(PacketColumn::width).toArray();
    }

    /** Every column's width in a list {@code listWidth} wide. */
    double[] laidOut(double listWidth) {
        int info = chosen.length - 1;
        boolean[] hidden = new boolean[chosen.length];
        double others = 0;
        for (int c = 0; c < info; c++) {
            others += chosen[c];
        }
        for (int column : GIVE_WAY) {
            if (column < info && others * READABLE + chosen[info] > listWidth) {
                hidden[column] = true;
                others -= chosen[column];
            }
        }
        double shrink = Math.min(1, Math.max(0, listWidth - chosen[info]) / others);
        double[] widths = new double[chosen.length];
        double used = 0;
        for (int c = 0; c < info; c++) {
            widths[c] = hidden[c] ? 0 : Math.max(MINIMUM, chosen[c] * shrink);
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
            if (widths[c] > 0 && Math.abs(x - edge) <= GRAB) {
                return c;
            }
        }
        return -1;
    }

    void resize(int column, double width) {
        chosen[column] = Math.max(MINIMUM, width);
    }
}

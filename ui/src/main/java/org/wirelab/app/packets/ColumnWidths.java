package org.wirelab.app.packets;

import java.util.List;

/**
 * The packet list's column widths: each column's own (Wireshark's defaults until the person drags a
 * header's edge), and the last (Info) the width the others leave, never less than its own.
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
        double[] widths = chosen.clone();
        double used = 0;
        for (int c = 0; c < widths.length - 1; c++) {
            used += widths[c];
        }
        widths[widths.length - 1] = Math.max(chosen[widths.length - 1], listWidth - used);
        return widths;
    }

    /** The column whose right edge is at {@code x} (give or take a few pixels), or -1; the last has none to drag. */
    int edgeAt(double x) {
        double edge = 0;
        for (int c = 0; c < chosen.length - 1; c++) {
            edge += chosen[c];
            if (Math.abs(x - edge) <= GRAB) {
                return c;
            }
        }
        return -1;
    }

    double width(int column) {
        return chosen[column];
    }

    void resize(int column, double width) {
        chosen[column] = Math.max(MINIMUM, width);
    }
}

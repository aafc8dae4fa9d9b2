package org.wirelab.app.packets;

import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * Paints the packet list: a header of column titles, then one row per frame from {@code top} down, as
 * many as fit. Its cost is the rows on screen, never the capture's size. Colours are AtlantaFX Primer
 * Light's (the application's theme); rows with an expert event are yellow and RSTs red, as in Wireshark.
 */
final class PacketListPainter {
    static final double ROW_HEIGHT = 28;
    static final double HEADER_HEIGHT = 30;
    private static final double PADDING = 6;
    private static final Color TEXT = Color.web("#1f2328");
    private static final Color HEADER = Color.web("#f6f8fa");
    private static final Color LINE = Color.web("#d0d7de");
    private static final Color SELECTED = Color.web("#0969da");
    private static final Color SELECTED_TEXT = Color.WHITE;
    private static final Color RESET = Color.web("#fbd5d5");
    private static final Color EXPERT = Color.web("#fff0c2");
    private final Font font = Font.font(Font.getDefault().getFamily(), 14);
    private final Font headerFont = Font.font(Font.getDefault().getFamily(), FontWeight.BOLD, 14);

    /** How many whole rows fit below the header in {@code height}. */
    static int visibleRows(double height) {
        return (int) Math.max(0, Math.floor((height - HEADER_HEIGHT) / ROW_HEIGHT));
    }

    /**
     * Paints the list {@code width} x {@code height}, its columns {@code widths} wide: {@code titles} in
     * the header, then the rows of {@code shown} from position {@code top}; the row of frame
     * {@code selectedFrame} (an index, -1 for none) is highlighted.
     */
    void paint(GraphicsContext g, double width, double height, double[] widths, List<String> titles,
            PacketRows rows, ShownFrames shown, int top, int selectedFrame) {
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, width, height);
        int last = Math.min(shown.size(), top + (int) Math.ceil((height - HEADER_HEIGHT) / ROW_HEIGHT));
        for (int position = top; position < last; position++) {
            int frame = shown.frame(position);
            Color background = frame == selectedFrame ? SELECTED
                    : rows.reset(frame) ? RESET : rows.expert(frame) ? EXPERT : null;
            if (background != null) {
                g.setFill(background);
                g.fillRect(0, rowY(position - top), width, ROW_HEIGHT);
            }
        }
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        double x = 0;
        for (int c = 0; c < widths.length; c++) {
            if (widths[c] <= 0) {
                continue;   // a column the list is too narrow for
            }
            PacketColumn column = PacketColumn.ALL.get(c);
            // Each column's text is cut at its right edge, as a table cell's would be.
            g.save();
            g.beginPath();
            g.rect(x, 0, widths[c] - 1, height);
            g.clip();
            g.setFont(font);
            for (int position = top; position < last; position++) {
                int frame = shown.frame(position);
                g.setFill(frame == selectedFrame ? SELECTED_TEXT : TEXT);
                g.fillText(column.text().of(rows, frame), x + PADDING, rowY(position - top) + ROW_HEIGHT / 2);
            }
            g.setFill(HEADER);
            g.fillRect(x, 0, widths[c], HEADER_HEIGHT);
            g.setFill(TEXT);
            g.setFont(headerFont);
            g.fillText(titles.get(c), x + PADDING, HEADER_HEIGHT / 2);
            g.restore();
            x += widths[c];
            g.setFill(LINE);
            g.fillRect(x - 1, 0, 1, HEADER_HEIGHT);
        }
        g.setFill(LINE);
        g.fillRect(0, HEADER_HEIGHT - 1, width, 1);
    }

    private static double rowY(int row) {
        return HEADER_HEIGHT + row * ROW_HEIGHT;
    }
}

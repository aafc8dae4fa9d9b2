package org.wirelab.app.bytes;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.geometry.Orientation;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ScrollBar;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import org.wirelab.app.capture.CaptureViewModel;
import org.wirelab.app.capture.FramePart;
import org.wirelab.app.layers.OsiColours;
import org.wirelab.core.decode.ByteRange;
import org.wirelab.core.decode.DecodedFrame;

/**
 * The selected frame's bytes as hex and ASCII, 16 a row, like {@code tshark -x} (8 or 4 where 16 do not fit,
 * as on a 1024x768 projector, rather than cut the selected field's bytes off at the edge). The bytes of the
 * selected layer or field are highlighted in their OSI layer's colour; clicking a byte selects the
 * field it belongs to. Only the visible rows are drawn, so a 64 KiB loopback frame costs one screen.
 */
public final class HexView extends Region {
    static final int BYTES_PER_ROW = 16;
    /** The fewest rows the pane keeps, whatever the window's height and zoom (fewer bytes a row, not fewer rows). */
    public static final int MIN_ROWS = 4;
    /** Bytes a row now: {@link #BYTES_PER_ROW}, or a half or a quarter of it where the view is too narrow for them. */
    private int perRow = BYTES_PER_ROW;
    private static final Font FONT = Font.font("Monospaced", 14);
    private final Canvas canvas = new Canvas();
    private final ScrollBar scroll = new ScrollBar();
    private final CaptureViewModel model;
    private final double charWidth;
    private final double rowHeight;
    /** The window's zoom: the bytes are drawn this many times their designed size. */
    private final DoubleProperty scale = new SimpleDoubleProperty(this, "scale", 1);

    public HexView(CaptureViewModel model) {
        this.model = model;
        setId("hex-view");
        Text probe = new Text("0");
        probe.setFont(FONT);
        charWidth = probe.getLayoutBounds().getWidth();
        rowHeight = Math.ceil(probe.getLayoutBounds().getHeight() + 3);
        scroll.setOrientation(Orientation.VERTICAL);
        getChildren().addAll(canvas, scroll);
        // Rows of the zoom's size: the pane keeps its rows, not its pixels, when the window is zoomed in.
        minHeightProperty().bind(scale.multiply(rowHeight * MIN_ROWS + 2));
        prefHeightProperty().bind(scale.multiply(rowHeight * 7));
        scale.addListener(o -> requestLayout());
        model.decodedFrameProperty().addListener(o -> {
            scroll.setValue(0);
            draw();
        });
        model.selectedPartProperty().addListener((o, was, part) -> {
            reveal(part);
            draw();
        });
        scroll.valueProperty().addListener(o -> draw());
        setOnScroll(e -> scroll.setValue(clamp(scroll.getValue() - Math.signum(e.getDeltaY()) * 3)));
        canvas.setOnMouseClicked(e -> {
            int offset = offsetAt(e.getX() / scale.get(), e.getY() / scale.get());
            if (offset >= 0) {
                model.selectByte(offset);
            }
        });
    }

    /** Byte {@code offset}'s row and column (hex side), for tests and clicks: x, y of its centre. */
    public double[] centreOf(int offset) {
        int row = offset / perRow - (int) scroll.getValue();
        int column = offset % perRow;
        return new double[] {(hexX(column) + charWidth) * scale.get(), (row * rowHeight + rowHeight / 2) * scale.get()};
    }

    /** A row's height on screen, at the zoom's scale. */
    public double rowHeight() {
        return rowHeight * scale.get();
    }

    /** How many bytes a row shows now (16, or 8 or 4 in a narrow view). */
    public int bytesPerRow() {
        return perRow;
    }

    /** Where the last column of the ASCII side ends, on screen: the width the rows need. */
    public double rowsWidth() {
        return widthFor(perRow) * scale.get();
    }

    /** How many times its designed size the view draws the bytes (the window's zoom). */
    public DoubleProperty scaleProperty() {
        return scale;
    }

    /** The highlighted range now, or null. */
    public ByteRange highlighted() {
        FramePart part = model.selectedPartProperty().get();
        return part == null ? null : part.range();
    }

    @Override
    protected void layoutChildren() {
        double barWidth = scroll.prefWidth(-1);
        canvas.setWidth(Math.max(0, getWidth() - barWidth));
        // 16 bytes a row, else 8, else 4: every byte of a row in view rather than cut off at the edge.
        perRow = BYTES_PER_ROW;
        while (perRow > 4 && widthFor(perRow) > canvas.getWidth() / scale.get()) {
            perRow /= 2;
        }
        canvas.setHeight(getHeight());
        scroll.resizeRelocate(getWidth() - barWidth, 0, barWidth, getHeight());
        updateScrollRange();
        draw();
    }

    @Override
    protected double computePrefWidth(double height) {
        return (widthFor(BYTES_PER_ROW) + 20) * scale.get();
    }

    /** The designed width of rows of {@code bytes} bytes: offset, hex, then ASCII. */
    private double widthFor(int bytes) {
        return charWidth * (6 + bytes * 3 + (bytes > 8 ? 1 : 0) + 2 + bytes + 1);
    }

    private int rows() {
        DecodedFrame frame = model.decodedFrameProperty().get();
        return frame == null ? 0 : (frame.capturedLength() + perRow - 1) / perRow;
    }

    private int visibleRows() {
        return Math.max(1, (int) (getHeight() / (rowHeight * scale.get())));
    }

    private void updateScrollRange() {
        scroll.setMax(Math.max(0, rows() - visibleRows()));
        scroll.setVisibleAmount(visibleRows());
        scroll.setValue(clamp(scroll.getValue()));
    }

    private double clamp(double value) {
        return Math.max(0, Math.min(scroll.getMax(), value));
    }

    private void reveal(FramePart part) {
        if (part == null) {
            return;
        }
        int row = part.range().offset() / perRow;
        int first = (int) scroll.getValue();
        if (row < first || row >= first + visibleRows()) {
            scroll.setValue(clamp(row - 1));
        }
    }

    private double hexX(int column) {
        return charWidth * (6 + column * 3 + (column >= 8 ? 1 : 0));
    }

    private double asciiX(int column) {
        return hexX(perRow) + charWidth * (2 + column);
    }

    private int offsetAt(double x, double y) {
        DecodedFrame frame = model.decodedFrameProperty().get();
        if (frame == null) {
            return -1;
        }
        int row = (int) (y / rowHeight) + (int) scroll.getValue();
        int column = -1;
        for (int c = 0; c < perRow; c++) {
            if ((x >= hexX(c) - charWidth / 2 && x < hexX(c) + charWidth * 2.5)
                    || (x >= asciiX(c) && x < asciiX(c) + charWidth)) {
                column = c;
            }
        }
        int offset = row * perRow + column;
        return column < 0 || offset >= frame.capturedLength() ? -1 : offset;
    }

    private void draw() {
        updateScrollRange();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        DecodedFrame frame = model.decodedFrameProperty().get();
        if (frame == null) {
            return;
        }
        byte[] bytes = frame.bytes();
        FramePart part = model.selectedPartProperty().get();
        ByteRange range = part == null ? null : part.range();
        Color tint = part == null ? null : OsiColours.tint(part.osiLayer());
        Color strong = part == null ? null : OsiColours.strong(part.osiLayer());
        g.save();
        g.scale(scale.get(), scale.get());
        g.setFont(FONT);
        g.setTextBaseline(VPos.TOP);
        int first = (int) scroll.getValue();
        int last = Math.min(rows(), first + visibleRows() + 1);
        for (int row = first; row < last; row++) {
            double y = (row - first) * rowHeight;
            g.setFill(Color.web("#777777"));
            g.fillText(String.format("%04x", row * perRow), 0, y + 1);
            for (int column = 0; column < perRow; column++) {
                int offset = row * perRow + column;
                if (offset >= bytes.length) {
                    break;
                }
                boolean lit = range != null && range.contains(offset);
                if (lit) {
                    g.setFill(tint);
                    g.fillRect(hexX(column) - charWidth / 2, y, charWidth * 3, rowHeight);
                    g.fillRect(asciiX(column), y, charWidth, rowHeight);
                }
                g.setFill(lit ? strong.darker() : Color.BLACK);
                g.fillText(String.format("%02x", bytes[offset] & 0xff), hexX(column), y + 1);
                int b = bytes[offset] & 0xff;
                g.fillText(b >= 0x20 && b < 0x7f ? String.valueOf((char) b) : ".", asciiX(column), y + 1);
            }
        }
        g.restore();
    }
}

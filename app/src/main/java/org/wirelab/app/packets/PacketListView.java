package org.wirelab.app.packets;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.geometry.Orientation;
import javafx.geometry.Point2D;
import javafx.scene.Cursor;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ScrollBar;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import org.wirelab.source.Capture;
import org.wirelab.app.capture.CaptureViewModel;
import org.wirelab.app.i18n.Messages;

/**
 * The frames as a list (number, time, source, destination, protocol, length, info), one row per
 * frame. Only the rows on screen are painted, on a canvas, so a pass costs the same for a million
 * frames as for ten: JavaFX's TableView walks the rows above the one it shows on every layout pass
 * (40 ms a pass at a million frames, bench/README.md). Clicking a row, or the arrow keys, Page Up/Down,
 * Home and End, select the frame everywhere; a selection made elsewhere scrolls its row into view.
 * Dragging a header's right edge resizes its column. A
 * filter keeps the frames of one conversation, one protocol or containing a text; filtering a large
 * capture runs in the background.
 */
public final class PacketListView extends Region {
    private final CaptureViewModel model;
    private final Messages messages;
    private final ShownFrames shown = new ShownFrames();
    private final Canvas canvas = new Canvas();
    private final ScrollBar scrollBar = new ScrollBar();
    private final PacketListPainter painter = new PacketListPainter();
    private final ColumnWidths widths = new ColumnWidths(PacketColumn.ALL);
    private int resizing = -1;
    private double resizeBase;
    private PacketRows rows;
    private PacketFilter filter = PacketFilter.ALL;
    /** The filter whose frames the list shows: the one a cancelled filter gives back. */
    private PacketFilter shownFilter = PacketFilter.ALL;
    private long filterGeneration;
    private final ReadOnlyBooleanWrapper filtering = new ReadOnlyBooleanWrapper(this, "filtering");
    private final ReadOnlyDoubleWrapper filterProgress = new ReadOnlyDoubleWrapper(this, "filterProgress");
    /** Where filters run, off the FX thread; a test holds them to look at the list while one runs. */
    private Executor filterThreads = task -> {
        Thread worker = new Thread(task, "wirelab-packet-filter");
        worker.setDaemon(true);
        worker.start();
    };
    /** The window's zoom: the list is painted this many times its designed size, columns included. */
    private final DoubleProperty scale = new SimpleDoubleProperty(this, "scale", 1);

    public PacketListView(CaptureViewModel model, Messages messages) {
        this.model = model;
        this.messages = messages;
        setId("packet-list");
        getStyleClass().add("packet-list");
        setFocusTraversable(true);
        setMinSize(200, PacketListPainter.HEADER_HEIGHT + 2 * PacketListPainter.ROW_HEIGHT);
        setPrefSize(900, 400);
        scrollBar.setOrientation(Orientation.VERTICAL);
        scrollBar.setUnitIncrement(1);
        scrollBar.valueProperty().addListener(o -> requestLayout());
        getChildren().addAll(canvas, scrollBar);
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, e -> canvas.setCursor(
                y(e) < PacketListPainter.HEADER_HEIGHT && widths.edgeAt(x(e), listWidth()) >= 0 ? Cursor.H_RESIZE : null));
        scale.addListener(o -> rowsChanged());
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> resizing = -1);
        addEventHandler(ScrollEvent.SCROLL, this::scrolled);
        addEventHandler(KeyEvent.KEY_PRESSED, this::keyPressed);
        model.captureProperty().addListener((o, was, capture) -> showCapture(capture));
        model.revealedProperty().addListener(o -> refilter());
        model.focusedTcpStreamProperty().addListener(o -> setFilter(
                filter.withTcpStream(model.focusedTcpStreamProperty().get())));
        model.selectedFrameProperty().addListener((o, was, number) -> showSelected());
        messages.localeProperty().addListener(o -> requestLayout());
        // A canvas says nothing to a screen reader: the list names its selected row in words.
        accessibleTextProperty().bind(Bindings.createStringBinding(this::selectedRowInWords,
                model.selectedFrameProperty(), model.captureProperty(), messages.localeProperty()));
        accessibleHelpProperty().bind(messages.text("packets.accessible.help"));
        showCapture(model.capture());
    }

    /** "Packet list, frame 2 of 10: 0.000086  127.0.0.1  127.0.0.1  TCP  74  3000 → 51102 SYN, ACK …". */
    private String selectedRowInWords() {
        int frame = model.selectedFrameProperty().get() - 1;
        if (rows == null || frame < 0 || frame >= model.capture().size()) {
            return messages.get("packets.accessible.none");
        }
        String row = PacketColumn.ALL.stream().skip(1).map(column -> column.text().of(rows, frame))
                .collect(Collectors.joining("  "));
        return messages.get("packets.accessible", frame + 1, model.capture().size(), row);
    }

    /** Shows only the frames {@code newFilter} keeps (its {@code revealed} is replaced by playback's). */
    public void setFilter(PacketFilter newFilter) {
        filter = newFilter;
        refilter();
    }

    public PacketFilter filter() {
        return filter;
    }

    /** True while a filter runs over the capture (the list still shows the previous filter's frames). */
    public ReadOnlyBooleanProperty filteringProperty() {
        return filtering.getReadOnlyProperty();
    }

    /** How far the running filter is, from 0 to 1. */
    public ReadOnlyDoubleProperty filterProgressProperty() {
        return filterProgress.getReadOnlyProperty();
    }

    /** Stops the running filter: the list keeps showing the previous filter's frames, and that filter is back. */
    public void cancelFilter() {
        if (filtering.get()) {
            filterGeneration++;
            filter = shownFilter;
            filtering.set(false);
        }
    }

    void filterThreads(Executor threads) {
        filterThreads = threads;
    }

    /** How many frames the list shows (all, or those the filter kept). */
    public int shownCount() {
        return shown.size();
    }

    /** The columns' titles in the window's language, in order. */
    public List<String> columnTitles() {
        return PacketColumn.ALL.stream().map(c -> messages.get(c.titleKey())).toList();
    }

    /** Scrolls so that the row at {@code position} (0-based, in the list shown) is the first on screen, or as near as can be. */
    public void scrollTo(int position) {
        scrollBar.setValue(Math.max(scrollBar.getMin(), Math.min(scrollBar.getMax(), position)));
    }

    /** The position of the first row on screen. */
    public int firstVisibleRow() {
        return (int) scrollBar.getValue();
    }

    /** The centre of the row at {@code position}, in this list's coordinates; null when it is not on screen. */
    public Point2D rowCentre(int position) {
        int row = position - firstVisibleRow();
        if (row < 0 || row >= visibleRows() || position >= shown.size()) {
            return null;
        }
        return new Point2D(getWidth() / 2,
                (PacketListPainter.HEADER_HEIGHT + (row + 0.5) * PacketListPainter.ROW_HEIGHT) * scale.get());
    }

    /** How many times its designed size the list is painted (the window's zoom). */
    public DoubleProperty scaleProperty() {
        return scale;
    }

    /** Whole rows that fit below the header at the zoom's size. */
    private int visibleRows() {
        return PacketListPainter.visibleRows(getHeight() / scale.get());
    }

    /** The list's width in the painter's units (designed pixels): the screen's divided by the zoom. */
    private double listWidth() {
        return canvas.getWidth() / scale.get();
    }

    private double x(MouseEvent e) {
        return e.getX() / scale.get();
    }

    private double y(MouseEvent e) {
        return e.getY() / scale.get();
    }

    @Override
    protected void layoutChildren() {
        double width = getWidth();
        double height = getHeight();
        double barWidth = scrollBar.prefWidth(-1);
        double listWidth = Math.max(0, width - barWidth);
        double header = PacketListPainter.HEADER_HEIGHT * scale.get();
        scrollBar.resizeRelocate(listWidth, header, barWidth, Math.max(0, height - header));
        int visible = visibleRows();
        scrollBar.setMax(Math.max(0, shown.size() - visible));
        if (scrollBar.getValue() > scrollBar.getMax()) {
            scrollBar.setValue(scrollBar.getMax());   // taller now: the last rows fill the list
        }
        scrollBar.setVisibleAmount(Math.max(1, visible));
        scrollBar.setBlockIncrement(Math.max(1, visible - 1));
        if (canvas.getWidth() != listWidth || canvas.getHeight() != height) {
            canvas.setWidth(listWidth);
            canvas.setHeight(height);
        }
        int selected = model.selectedFrameProperty().get() - 1;
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.save();
        g.scale(scale.get(), scale.get());
        painter.paint(g, listWidth(), height / scale.get(), widths.laidOut(listWidth()), columnTitles(), rows,
                shown, firstVisibleRow(), selected);
        g.restore();
    }

    private void showCapture(Capture capture) {
        rows = new PacketRows(capture);
        refilter();
    }

    private void refilter() {
        PacketFilter running = filter;
        PacketFilter effective = running.withRevealed(model.revealedProperty().get());
        Capture capture = model.capture();
        long generation = ++filterGeneration;
        if (effective.showsEverything()) {
            filtering.set(false);
            shownFilter = running;
            shown.showFirst(Math.min(capture.size(), effective.revealed()));
            rowsChanged();
            return;
        }
        filterProgress.set(0);
        filtering.set(true);
        filterThreads.execute(() -> {
            int[] kept = effective.apply(capture, new PacketRows(capture), () -> generation != filterGeneration,
                    fraction -> Platform.runLater(() -> {
                        if (generation == filterGeneration) {
                            filterProgress.set(fraction);
                        }
                    }));
            if (kept != null) {
                Platform.runLater(() -> {
                    if (generation == filterGeneration) {
                        shownFilter = running;
                        filtering.set(false);
                        shown.show(kept);
                        rowsChanged();
                    }
                });
            }
        });
    }

    private void rowsChanged() {
        int visible = visibleRows();
        scrollBar.setMax(Math.max(0, shown.size() - visible));
        scrollTo(firstVisibleRow());
        showSelected();
        requestLayout();
    }

    /**
     * Brings the selected frame's row into view: from the next row off screen (arrow keys) by scrolling
     * just enough, from further away (the diagram, a chart) to the middle of the list.
     */
    private void showSelected() {
        int position = shown.positionOf(model.selectedFrameProperty().get() - 1);
        if (position >= 0) {
            int top = firstVisibleRow();
            int visible = Math.max(1, visibleRows());
            if (position == top - 1) {
                scrollTo(position);
            } else if (position == top + visible) {
                scrollTo(position - visible + 1);
            } else if (position < top || position > top + visible) {
                scrollTo(position - visible / 2);
            }
        }
        requestLayout();
    }

    private void select(int position) {
        if (shown.size() > 0) {
            model.select(shown.frame(Math.max(0, Math.min(shown.size() - 1, position))) + 1);
        }
    }

    /** The columns' widths now on screen, in order (the last takes what the others leave). */
    public List<Double> columnWidths() {
        return java.util.Arrays.stream(widths.laidOut(listWidth())).map(w -> w * scale.get()).boxed().toList();
    }

    /** The right edge of column {@code column}'s header, in this list's coordinates: where a drag resizes it. */
    public Point2D columnEdge(int column) {
        double[] laidOut = widths.laidOut(listWidth());
        double x = 0;
        for (int c = 0; c <= column; c++) {
            x += laidOut[c];
        }
        return new Point2D(x * scale.get(), PacketListPainter.HEADER_HEIGHT / 2 * scale.get());
    }

    private void pressed(MouseEvent e) {
        requestFocus();
        // The press is the list's: a tab pane above it would take the focus back on the way up.
        e.consume();
        if (y(e) < PacketListPainter.HEADER_HEIGHT) {
            resizing = widths.edgeAt(x(e), listWidth());
            if (resizing >= 0) {
                // The edge follows the pointer wherever within its grab area it was taken.
                resizeBase = x(e) - widths.laidOut(listWidth())[resizing];
            }
        } else {
            int position = firstVisibleRow() + (int) ((y(e) - PacketListPainter.HEADER_HEIGHT) / PacketListPainter.ROW_HEIGHT);
            if (position < shown.size()) {
                select(position);
            }
        }
    }

    /** Dragging a header's right edge resizes its column, as in a table. */
    private void dragged(MouseEvent e) {
        if (resizing >= 0) {
            widths.resize(resizing, x(e) - resizeBase);
            requestLayout();
        }
    }

    /** A wheel's notch scrolls the platform's lines (three, usually) or a page; a touchpad its pixels. */
    private void scrolled(ScrollEvent e) {
        double rows = switch (e.getTextDeltaYUnits()) {
            case LINES -> e.getTextDeltaY();
            case PAGES -> e.getTextDeltaY() * Math.max(1, visibleRows() - 1);
            case NONE -> e.getDeltaY() / (PacketListPainter.ROW_HEIGHT * scale.get());
        };
        scrollBar.setValue(Math.max(scrollBar.getMin(), Math.min(scrollBar.getMax(), scrollBar.getValue() - rows)));
        e.consume();
    }

    /** Selects the shown row {@code rows} below the selected one (above when negative), as ↓ and ↑ do. */
    public void selectBy(int rows) {
        int current = shown.positionOf(model.selectedFrameProperty().get() - 1);
        select(current < 0 ? firstVisibleRow() : current + rows);
    }

    private void keyPressed(KeyEvent e) {
        int current = shown.positionOf(model.selectedFrameProperty().get() - 1);
        int page = Math.max(1, visibleRows() - 1);
        switch (e.getCode()) {
            case UP -> select(current < 0 ? firstVisibleRow() : current - 1);
            case DOWN -> select(current < 0 ? firstVisibleRow() : current + 1);
            case PAGE_UP -> select(current < 0 ? firstVisibleRow() : current - page);
            case PAGE_DOWN -> select(current < 0 ? firstVisibleRow() : current + page);
            case HOME -> select(0);
            case END -> select(shown.size() - 1);
            default -> {
                return;
            }
        }
        e.consume();
    }
}

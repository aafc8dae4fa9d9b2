package org.wirelab.app.ladder;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Orientation;
import javafx.geometry.Point2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import org.wirelab.core.ladder.Ladder;
import org.wirelab.core.ladder.LadderModel;
import org.wirelab.core.ladder.draw.LadderPainter;
import org.wirelab.core.ladder.draw.LadderTexts;
import org.wirelab.core.ladder.draw.LadderView;
import org.wirelab.export.LadderExport;

/**
 * The ladder diagram as a JavaFX node: a canvas painted by {@link LadderPainter} with scroll bars, the
 * mouse wheel scrolling and Ctrl+wheel zooming. Only the visible rows are drawn, so a million-frame
 * ladder ({@code CaptureLadder.of}) scrolls as fast as ten frames.
 *
 * <p>Bind {@link #selectedFrameProperty()} to the application's selection: clicking an arrow sets it to
 * that arrow's frame number, and setting it from outside scrolls the frame into view and highlights it
 * (0 selects nothing). Playback sets {@link #revealedProperty()} (the last frame shown) and
 * {@link #maskedFrameProperty()} (whose flags and numbers a student must predict).
 */
public final class LadderCanvas extends Region {
    private static final double MIN_ZOOM = 0.05;
    private static final double MAX_ZOOM = 3;
    private static final double WHEEL_ZOOM_STEP = 1.15;

    private final Canvas canvas = new Canvas();
    private final ScrollBar vertical = new ScrollBar();
    private final ScrollBar horizontal = new ScrollBar();
    private final FxSurface surface = new FxSurface(canvas.getGraphicsContext2D());

    private final ObjectProperty<Ladder> ladder = new SimpleObjectProperty<>(this, "ladder",
            new LadderModel(List.of(), List.of()));
    private final ObjectProperty<LadderTexts> texts = new SimpleObjectProperty<>(this, "texts",
            LadderExport.texts(Locale.getDefault()));
    private final IntegerProperty selectedFrame = new SimpleIntegerProperty(this, "selectedFrame", 0);
    private final DoubleProperty zoom = new SimpleDoubleProperty(this, "zoom", 1);
    private final DoubleProperty scale = new SimpleDoubleProperty(this, "scale", 1);
    private final BooleanProperty rawNumbers = new SimpleBooleanProperty(this, "rawNumbers", false);
    private final IntegerProperty revealed = new SimpleIntegerProperty(this, "revealed", Integer.MAX_VALUE);
    private final IntegerProperty maskedFrame = new SimpleIntegerProperty(this, "maskedFrame", 0);
    private final BooleanProperty timeScale = new SimpleBooleanProperty(this, "timeScale", false);

    /** Over an arrow, its whole Info line; made when first needed (a popup window of its own). */
    private Tooltip tooltip;
    private LadderPainter painter;
    private int hovered;
    /** Where the mouse is over the canvas, null when it is elsewhere: the tooltip is about what is there now. */
    private Point2D pointer;

    public LadderCanvas() {
        getStyleClass().add("ladder-canvas");
        canvas.setId("ladder-canvas");
        vertical.setOrientation(Orientation.VERTICAL);
        horizontal.setOrientation(Orientation.HORIZONTAL);
        getChildren().addAll(canvas, vertical, horizontal);
        painter = newPainter();
        ladder.addListener((o, was, now) -> {
            // A growing capture is followed while its end is in view, even before it needs scrolling at all;
            // once the person scrolls back, it stays where they put it.
            boolean atEnd = vertical.getValue() >= vertical.getMax() - 1;
            painter = newPainter();
            if (was == null || now.size() < was.size()) {
                // Another capture or a focused conversation: start from the top.
                vertical.setValue(0);
                horizontal.setValue(0);
                atEnd = false;
            }
            updateScrollRanges();
            requestLayout();
            if (atEnd && was != null && was.size() > 0 && now.size() > was.size()) {
                vertical.setValue(vertical.getMax());   // a live capture grows: keep showing its newest frames
            }
            refreshTooltip();
        });
        texts.addListener((o, was, now) -> {
            painter = newPainter();
            requestLayout();
        });
        scale.addListener(o -> {
            updateScrollRanges();
            requestLayout();
            draw();
        });
        zoom.addListener((o, was, now) -> {
            rescale(was.doubleValue(), now.doubleValue());
            requestLayout();
        });
        selectedFrame.addListener((o, was, now) -> {
            // Once: a selection out of view scrolls to it, and the scroll draws.
            if (!reveal(now.intValue())) {
                draw();
            }
        });
        rawNumbers.addListener(o -> draw());
        timeScale.addListener((o, was, now) -> {
            int top = topArrow(view().timed(was));
            updateScrollRanges();
            vertical.setValue(clamp(painter.contentY(top, view()) - LadderPainter.rowHeight(1) * 0.72,
                    vertical.getMax()));
            requestLayout();
            reveal(selectedFrame.get());
            draw();
        });
        revealed.addListener(o -> draw());
        maskedFrame.addListener(o -> draw());
        vertical.valueProperty().addListener(o -> {
            draw();
            refreshTooltip();
        });
        horizontal.valueProperty().addListener(o -> {
            draw();
            refreshTooltip();
        });
        canvas.addEventHandler(MouseEvent.MOUSE_EXITED, e -> {
            pointer = null;
            refreshTooltip();
        });
        canvas.addEventHandler(MouseEvent.MOUSE_CLICKED, this::clicked);
        canvas.addEventHandler(ScrollEvent.SCROLL, this::scrolled);
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, this::hovered);
    }

    private LadderPainter newPainter() {
        return new LadderPainter(ladder.get(), texts.get(), surface);
    }

    /** The ladder's prose in {@code locale}, for {@link #textsProperty()} when the language changes. */
    public static LadderTexts texts(Locale locale) {
        return LadderExport.texts(locale);
    }

    public ObjectProperty<Ladder> ladderProperty() {
        return ladder;
    }

    public void setLadder(Ladder value) {
        ladder.set(value);
    }

    public ObjectProperty<LadderTexts> textsProperty() {
        return texts;
    }

    /** The selected frame's number, 0 for none. */
    public IntegerProperty selectedFrameProperty() {
        return selectedFrame;
    }

    /** Row spacing factor: 1 reads comfortably; below 0.5 the labels give way to the arrows alone. */
    public DoubleProperty zoomProperty() {
        return zoom;
    }

    /**
     * How large everything is drawn, text, arrows and lanes alike: 1 as designed, 2 twice as large (read
     * from the back of a room). Unlike {@link #zoomProperty()}, which spaces the rows, this magnifies.
     */
    public DoubleProperty scaleProperty() {
        return scale;
    }

    /** Raw (as on the wire) rather than relative sequence and acknowledgement numbers. */
    public BooleanProperty rawNumbersProperty() {
        return rawNumbers;
    }

    /** The last frame whose arrow is drawn (playback); every frame by default. */
    public IntegerProperty revealedProperty() {
        return revealed;
    }

    /** The frame whose flags and numbers are shown as "?", 0 for none (predict mode). */
    public IntegerProperty maskedFrameProperty() {
        return maskedFrame;
    }

    /**
     * Pauses between frames drawn to scale (a time grid across the lanes): each arrow at least a row below
     * the one before, a longer pause as long as its time; one row each otherwise.
     */
    public BooleanProperty timeScaleProperty() {
        return timeScale;
    }

    /** The painter of the current ladder (for tests and exports of what is on screen). */
    public LadderPainter painter() {
        return painter;
    }

    /**
     * Writes the whole ladder shown (every arrow, as this canvas draws them: raw numbers, time to scale,
     * language) to {@code file}: .png, .svg, .puml or .mmd. Throws IllegalArgumentException for another
     * extension or a PNG too large to make (its message says what to do instead).
     */
    public void export(Path file, String title) throws IOException {
        LadderExport.Format format = LadderExport.Format.of(file);
        if (format == null) {
            throw new IllegalArgumentException("cannot write a diagram to " + file.getFileName()
                    + ": use .svg, .png, .puml or .mmd");
        }
        LadderExport.write(ladder.get(), format, file, texts.get(),
                LadderView.of(0, 0).withRawNumbers(rawNumbers.get()).timed(timeScale.get()), title);
    }

    /** The tooltip shown over arrows (for tests). */
    Tooltip tooltip() {
        if (tooltip == null) {
            tooltip = new Tooltip();
        }
        return tooltip;
    }

    /** What the canvas shows now. */
    public LadderView view() {
        return new LadderView(horizontal.getValue(), vertical.getValue(), viewWidth(), viewHeight(),
                zoom.get(), rawNumbers.get(), selectedFrame.get(), revealed.get(), maskedFrame.get(), timeScale.get());
    }

    @Override
    protected void layoutChildren() {
        // Scroll bars show only when there is something to scroll; their room is decided first.
        double barWidth = vertical.prefWidth(-1);
        double barHeight = horizontal.prefHeight(-1);
        double s = scale.get();
        boolean needsVertical = painter.contentHeight(view()) > getHeight() / s - LadderPainter.HEADER;
        // The lanes decide (brought closer in a narrow view as far as their labels allow): a legend wider
        // than the view wraps instead.
        double widthWithoutBar = getWidth() - (needsVertical ? barWidth : 0);
        boolean needsHorizontal = LadderPainter.TIME_COLUMN + painter.contentWidth(widthWithoutBar / s) > widthWithoutBar / s;
        needsVertical = needsVertical || painter.contentHeight(view())
                > (getHeight() - (needsHorizontal ? barHeight : 0)) / s - LadderPainter.HEADER;
        double width = Math.max(0, getWidth() - (needsVertical ? barWidth : 0));
        double height = Math.max(0, getHeight() - (needsHorizontal ? barHeight : 0));
        vertical.setVisible(needsVertical);
        horizontal.setVisible(needsHorizontal);
        canvas.setWidth(width);
        canvas.setHeight(height);
        vertical.resizeRelocate(width, 0, barWidth, height);
        horizontal.resizeRelocate(0, height, width, barHeight);
        updateScrollRanges();
        draw();
    }

    @Override
    protected double computePrefWidth(double height) {
        return 900;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 600;
    }

    private void updateScrollRanges() {
        double rows = Math.max(1, viewHeight() - LadderPainter.HEADER);
        double lanes = Math.max(1, viewWidth() - LadderPainter.TIME_COLUMN);
        double contentHeight = painter.contentHeight(view());
        double contentWidth = painter.contentWidth(viewWidth());
        vertical.setMax(Math.max(0, contentHeight - rows));
        vertical.setVisibleAmount(vertical.getMax() * rows / Math.max(rows, contentHeight));
        vertical.setUnitIncrement(LadderPainter.rowHeight(zoom.get()));
        vertical.setBlockIncrement(rows * 0.9);
        horizontal.setMax(Math.max(0, contentWidth - lanes));
        horizontal.setVisibleAmount(horizontal.getMax() * lanes / Math.max(lanes, contentWidth));
        horizontal.setUnitIncrement(40);
        horizontal.setBlockIncrement(lanes * 0.9);
        vertical.setValue(Math.min(vertical.getValue(), vertical.getMax()));
        horizontal.setValue(Math.min(horizontal.getValue(), horizontal.getMax()));
    }

    private void draw() {
        if (canvas.getWidth() > 0 && canvas.getHeight() > 0) {
            GraphicsContext g = canvas.getGraphicsContext2D();
            g.save();
            g.scale(scale.get(), scale.get());
            painter.paint(surface, view());
            g.restore();
        }
    }

    private void clicked(MouseEvent event) {
        if (event.getButton() != MouseButton.PRIMARY) {
            return;
        }
        requestFocus();
        int frame = painter.frameAt(event.getX() / scale.get(), event.getY() / scale.get(), view());
        if (frame > 0) {
            selectedFrame.set(frame);
        }
    }

    private void hovered(MouseEvent event) {
        pointer = new Point2D(event.getX() / scale.get(), event.getY() / scale.get());
        showTooltipFor(painter.frameAt(pointer.getX(), pointer.getY(), view()));
    }

    /**
     * The arrow under the mouse changes without the mouse moving when the view scrolls or another capture
     * arrives: the tooltip is worked out again, so it never names the frame that used to be there.
     */
    private void refreshTooltip() {
        hovered = -1;
        showTooltipFor(pointer == null ? 0 : painter.frameAt(pointer.getX(), pointer.getY(), view()));
    }

    /** Over an arrow, a tooltip with its whole Info line (TCP options too), as Wireshark's Info column; not while predicted. */
    private void showTooltipFor(int frame) {
        if (frame == hovered) {
            return;
        }
        hovered = frame;
        int index = frame > 0 && frame != maskedFrame.get() ? painter.indexOfFrame(frame) : -1;
        if (index < 0) {
            if (tooltip != null) {
                tooltip.hide();
                Tooltip.uninstall(canvas, tooltip);
            }
            return;
        }
        tooltip().setText(frame + ": " + ladder.get().arrow(index).label());
        Tooltip.install(canvas, tooltip);
    }

    private void scrolled(ScrollEvent event) {
        if (event.isControlDown()) {
            double factor = event.getDeltaY() > 0 ? WHEEL_ZOOM_STEP : 1 / WHEEL_ZOOM_STEP;
            zoom.set(Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, zoom.get() * factor)));
        } else if (event.isShiftDown() || Math.abs(event.getDeltaX()) > Math.abs(event.getDeltaY())) {
            double delta = event.isShiftDown() ? event.getDeltaY() : event.getDeltaX();
            horizontal.setValue(clamp(horizontal.getValue() - delta, horizontal.getMax()));
        } else {
            vertical.setValue(clamp(vertical.getValue() - event.getDeltaY(), vertical.getMax()));
        }
        event.consume();
    }

    /** Keeps the arrow at the top of the view in place while the rows stretch or shrink. */
    private void rescale(double was, double now) {
        int top = topArrow(view().zoomed(was));
        updateScrollRanges();
        vertical.setValue(clamp(painter.contentY(top, view()) - LadderPainter.rowHeight(now) * 0.72,
                vertical.getMax()));
        draw();
    }

    /** The first arrow at the top of {@code view}, or 0 when there are none. */
    private int topArrow(LadderView view) {
        int size = ladder.get().size();
        return size == 0 ? 0 : Math.min(size - 1, painter.arrowAt(view.scrollY(), view));
    }

    /**
     * Scrolls so that frame {@code number}'s arrow is visible, when this ladder shows it; true when the view
     * scrolled (and so was drawn again).
     */
    private boolean reveal(int number) {
        int index = painter.indexOfFrame(number);
        if (index < 0) {
            return false;
        }
        double y = painter.contentY(index, view());
        double rows = viewHeight() - LadderPainter.HEADER;
        if (y - 40 < vertical.getValue() || y + 20 > vertical.getValue() + rows) {
            double before = vertical.getValue();
            vertical.setValue(clamp(painter.centredOn(index, view()).scrollY(), vertical.getMax()));
            return vertical.getValue() != before;
        }
        return false;
    }

    /** The canvas' size in the drawing's own pixels (it is drawn {@link #scaleProperty()} times larger). */
    private double viewWidth() {
        return canvas.getWidth() / scale.get();
    }

    private double viewHeight() {
        return canvas.getHeight() / scale.get();
    }

    private static double clamp(double value, double max) {
        return Math.max(0, Math.min(max, value));
    }
}

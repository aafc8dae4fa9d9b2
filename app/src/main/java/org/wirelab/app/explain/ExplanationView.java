package org.wirelab.app.explain;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import org.wirelab.source.Capture;
import org.wirelab.app.capture.CaptureViewModel;
import org.wirelab.app.i18n.Messages;

/**
 * What the selected frame does, in one to three sentences (core's {@code Explainer}), in the chosen language.
 * As high as its text where there is room; where there is not (zoomed in on a projector), it keeps two lines
 * and scrolls, so that the OSI tree and the bytes below keep their rows.
 */
public final class ExplanationView extends VBox {
    private final Label text = new Label();
    private final ScrollPane scroll = new ScrollPane(text);
    /** The lines kept in view when the window is short: the rest scrolls. */
    private static final double FEWEST_LINES = 2;
    private final javafx.beans.property.BooleanProperty presenting = new javafx.beans.property.SimpleBooleanProperty(this, "presenting");
    private final CaptureViewModel model;
    private final Messages messages;
    /** Measures the explanation's words in its own font. */
    private final Text probe = new Text();
    private String measuredText;
    private Font measuredFont;
    private double widestPiece;
    /** The most of the window an unbreakable piece may claim: a very long one (an IPv6 address) wraps anyway. */
    private static final double MOST_OF_THE_WINDOW = 0.45;

    public ExplanationView(CaptureViewModel model, Messages messages) {
        this.model = model;
        this.messages = messages;
        setId("explanation");
        text.setId("explanation-text");
        text.setWrapText(true);
        // Grow to as many lines as the sentences need instead of ending in "...".
        text.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        text.setStyle("-fx-font-size: 1.15em;");
        setPadding(new Insets(8));
        setStyle("-fx-background-color: #fffbe6; -fx-border-color: #e6d690; -fx-border-width: 0 0 1 0;");
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
        scroll.setStyle("-fx-background-color: transparent; -fx-background: #fffbe6; -fx-padding: 0;");
        VBox.setVgrow(scroll, javafx.scene.layout.Priority.ALWAYS);
        getChildren().add(scroll);
        // In presentation mode the explanation has half the window: larger type, room around it.
        presenting.addListener((o, was, on) -> {
            text.setStyle(on ? "-fx-font-size: 1.3em;" : "-fx-font-size: 1.15em;");
            setPadding(new Insets(on ? 16 : 8));
        });
        model.selectedFrameProperty().addListener(o -> update());
        model.captureProperty().addListener(o -> update());
        messages.localeProperty().addListener(o -> update());
        update();
    }

    /** Presentation mode: the explanation beside the ladder, in larger type. */
    public javafx.beans.property.BooleanProperty presentingProperty() {
        return presenting;
    }

    /** The explanation's text (tests measure it). */
    public Label text() {
        return text;
    }

    private void update() {
        int number = model.selectedFrameProperty().get();
        Capture capture = model.capture();
        if (number < 1 || number > capture.size()) {
            text.setText(messages.get(capture.size() == 0 ? "explain.nothing" : "explain.select"));
            return;
        }
        text.setText(WholeWords.keepNumbersWithTheirWords(
                messages.get("explain.frame", number) + " " + capture.explainer().explain(number - 1, messages.locale()).text()));
    }

    /** Its height follows its width, as its wrapped text's does (the scroll pane around the text has no bias). */
    @Override
    public javafx.geometry.Orientation getContentBias() {
        return javafx.geometry.Orientation.HORIZONTAL;
    }

    /** As high as the whole text at this width, as if it did not scroll. */
    @Override
    protected double computePrefHeight(double width) {
        double across = width >= 0 ? width : getWidth() > 0 ? getWidth() : -1;
        double inside = across < 0 ? -1 : Math.max(0, across - snappedLeftInset() - snappedRightInset());
        return snappedTopInset() + snappedBottomInset() + text.prefHeight(inside);
    }

    /** {@link #FEWEST_LINES} lines of the text, or the whole text when it is shorter. */
    @Override
    protected double computeMinHeight(double width) {
        double lines = Math.ceil(text.getFont().getSize() * 1.35 * FEWEST_LINES) + text.snappedTopInset()
                + text.snappedBottomInset();
        return snappedTopInset() + snappedBottomInset() + Math.min(lines, computePrefHeight(width) - snappedTopInset()
                - snappedBottomInset());
    }

    /**
     * At least as wide as the widest piece the text may not be broken in (an address and its port, a
     * number and its unit), so that the text wraps at spaces only; a split pane gives it that much.
     */
    @Override
    protected double computeMinWidth(double height) {
        double widest = widestPiece();
        double most = getScene() == null ? Double.MAX_VALUE : getScene().getWidth() * MOST_OF_THE_WINDOW;
        return snappedLeftInset() + snappedRightInset() + text.snappedLeftInset() + text.snappedRightInset()
                + Math.min(widest, most);
    }

    private double widestPiece() {
        String shown = text.getText();
        Font font = text.getFont();
        if (!shown.equals(measuredText) || !font.equals(measuredFont)) {
            probe.setFont(font);
            widestPiece = 0;
            for (String piece : WholeWords.unbreakable(shown)) {
                probe.setText(piece);
                widestPiece = Math.max(widestPiece, Math.ceil(probe.getLayoutBounds().getWidth()));
            }
            measuredText = shown;
            measuredFont = font;
        }
        return widestPiece;
    }
}

package org.wirelab.app.explain;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.wirelab.app.capture.Capture;
import org.wirelab.app.capture.CaptureViewModel;
import org.wirelab.app.i18n.Messages;

/** What the selected frame does, in one to three sentences (core's {@code Explainer}), in the chosen language. */
public final class ExplanationView extends VBox {
    private final Label text = new Label();
    private final CaptureViewModel model;
    private final Messages messages;

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
        getChildren().add(text);
        model.selectedFrameProperty().addListener(o -> update());
        model.captureProperty().addListener(o -> update());
        messages.localeProperty().addListener(o -> update());
        update();
    }

    private void update() {
        int number = model.selectedFrameProperty().get();
        Capture capture = model.capture();
        if (number < 1 || number > capture.size()) {
            text.setText(messages.get(capture.size() == 0 ? "explain.nothing" : "explain.select"));
            return;
        }
        text.setText(messages.get("explain.frame", number) + " " + capture.explainer().explain(number - 1, messages.locale()).text());
    }
}

package org.wirelab.app.playback;

import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.util.StringConverter;
import org.wirelab.app.capture.CaptureViewModel;
import org.wirelab.app.i18n.Messages;

/** The playback controls: back, play/pause, forward, show all, speed, predict mode, and where playback is. */
public final class PlaybackBar extends HBox {

    public PlaybackBar(PlaybackViewModel playback, CaptureViewModel model, Messages messages) {
        super(6);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(4, 8, 4, 8));
        Button back = button("playback-back", "|\u25C0", messages, "playback.back");
        back.setOnAction(e -> playback.stepBack());
        Button play = button("playback-play", "\u25B6", messages, "playback.play");
        playback.playingProperty().addListener((o, was, on) -> play.setText(on ? "| |" : "\u25B6"));
        play.setOnAction(e -> playback.togglePlay());
        Button forward = button("playback-forward", "\u25B6|", messages, "playback.forward");
        forward.setOnAction(e -> playback.stepForward());
        Button all = new Button();
        all.setId("playback-all");
        all.textProperty().bind(messages.text("playback.all"));
        all.setOnAction(e -> playback.showAll());
        ChoiceBox<Speed> speed = new ChoiceBox<>();
        speed.setId("playback-speed");
        // Wide enough for the longest speed in either language ("1 trame par seconde").
        speed.setPrefWidth(200);
        speed.getItems().setAll(Speed.values());
        speed.valueProperty().bindBidirectional(playback.speedProperty());
        speed.setConverter(new StringConverter<>() {
            @Override
            public String toString(Speed value) {
                return value == null ? "" : messages.get(value.key());
            }

            @Override
            public Speed fromString(String text) {
                return null;
            }
        });
        messages.localeProperty().addListener(o -> {
            Speed chosen = speed.getValue();
            speed.getItems().setAll(Speed.values());
            speed.setValue(chosen);
        });
        ToggleButton predict = new ToggleButton();
        predict.setId("playback-predict");
        predict.textProperty().bind(messages.text("playback.predict"));
        predict.selectedProperty().bindBidirectional(playback.predictingProperty());
        Label position = new Label();
        position.setId("playback-position");
        Runnable update = () -> position.setText(playback.inPlayback()
                ? messages.get("playback.position", Math.min(model.revealedProperty().get(), model.capture().size()),
                        model.capture().size())
                : messages.get("playback.frames", model.capture().size()));
        model.revealedProperty().addListener(o -> update.run());
        model.captureProperty().addListener(o -> update.run());
        messages.localeProperty().addListener(o -> update.run());
        update.run();
        getChildren().addAll(back, play, forward, all, speed, predict, position);
        // Clicking a toolbar button leaves the focus where it was (the ladder, the list), as desktop toolbars
        // do: Space keeps playing and pausing instead of pressing the last button clicked again.
        for (javafx.scene.control.ButtonBase button : List.of(back, play, forward, all, predict)) {
            button.setFocusTraversable(false);
        }
        getChildren().forEach(child -> {
            if (child instanceof javafx.scene.control.Control control) {
                control.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            }
        });
    }

    private static Button button(String id, String symbol, Messages messages, String tooltipKey) {
        Button button = new Button(symbol);
        button.setId(id);
        button.setStyle("-fx-font-size: 1.1em; -fx-min-width: 38;");
        // A tooltip is a popup window with a scene of its own: made when the mouse first comes over the
        // button rather than while the window is being built (a teacher waits for that window).
        button.addEventHandler(javafx.scene.input.MouseEvent.MOUSE_ENTERED, e -> {
            if (button.getTooltip() == null) {
                javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip();
                tip.textProperty().bind(messages.text(tooltipKey));
                button.setTooltip(tip);
            }
        });
        return button;
    }
}

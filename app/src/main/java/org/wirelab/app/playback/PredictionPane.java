package org.wirelab.app.playback;

import java.util.LinkedHashSet;
import java.util.Set;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.wirelab.app.i18n.Messages;

/**
 * Predict mode's question and answer: while a frame is masked, the student ticks the flags and types
 * the relative sequence and acknowledgement numbers, then reveals; the verdict says part by part
 * whether the guess was right, with the real values.
 */
public final class PredictionPane extends VBox {
    private final PlaybackViewModel playback;
    private final Messages messages;
    private final Label question = new Label();
    private final Label verdict = new Label();
    private final HBox form;
    private final Set<CheckBox> flags = new LinkedHashSet<>();
    private final TextField sequence = new TextField();
    private final TextField acknowledgement = new TextField();

    public PredictionPane(PlaybackViewModel playback, Messages messages) {
        super(4);
        this.playback = playback;
        this.messages = messages;
        setId("prediction");
        setPadding(new Insets(6, 8, 6, 8));
        setStyle("-fx-background-color: #eef4ff; -fx-border-color: #9db7e8; -fx-border-width: 1 0 1 0;");
        question.setStyle("-fx-font-weight: bold;");
        question.setWrapText(true);
        verdict.setId("prediction-verdict");
        verdict.setWrapText(true);
        FlowPane boxes = new FlowPane(8, 4);
        for (String name : Prediction.FLAG_NAMES) {
            CheckBox box = new CheckBox(name);
            box.setId("predict-" + name.toLowerCase(java.util.Locale.ROOT));
            flags.add(box);
            boxes.getChildren().add(box);
        }
        sequence.setId("predict-seq");
        sequence.setPrefColumnCount(7);
        acknowledgement.setId("predict-ack");
        acknowledgement.setPrefColumnCount(7);
        Label seqLabel = new Label("Seq");
        Label ackLabel = new Label("Ack");
        Button reveal = new Button();
        reveal.setId("predict-reveal");
        reveal.textProperty().bind(messages.text("predict.reveal"));
        reveal.setDefaultButton(true);
        reveal.setOnAction(e -> reveal());
        Label score = new Label();
        score.setId("predict-score");
        score.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> messages.get("predict.score", playback.scoreProperty().get(), playback.possibleProperty().get()),
                playback.scoreProperty(), playback.possibleProperty(), messages.localeProperty()));
        Button export = new Button();
        export.setId("predict-export");
        export.textProperty().bind(messages.text("predict.export"));
        export.disableProperty().bind(playback.possibleProperty().isEqualTo(0));
        export.setOnAction(e -> exportScore());
        form = new HBox(8, boxes, seqLabel, sequence, ackLabel, acknowledgement, reveal);
        form.setAlignment(Pos.CENTER_LEFT);
        // The score and its export sit outside the form: usable between questions, when the form is disabled.
        javafx.scene.layout.Region gap = new javafx.scene.layout.Region();
        HBox.setHgrow(gap, javafx.scene.layout.Priority.ALWAYS);
        HBox results = new HBox(12, verdict, gap, score, export);
        results.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(question, form, results);
        playback.maskedFrameProperty().addListener(o -> update());
        playback.verdictProperty().addListener(o -> update());
        playback.predictingProperty().addListener(o -> update());
        messages.localeProperty().addListener(o -> update());
        update();
    }

    private void update() {
        int masked = playback.maskedFrameProperty().get();
        Prediction.Verdict result = playback.verdictProperty().get();
        boolean visible = playback.predictingProperty().get();
        setVisible(visible);
        setManaged(visible);
        form.setDisable(masked == 0);
        question.setText(masked == 0 ? messages.get("predict.idle") : messages.get("predict.question", masked));
        verdict.setText(result == null ? "" : verdictText(result));
        verdict.setStyle(result == null ? "" : result.allRight() ? "-fx-text-fill: #1d6b2a;" : "-fx-text-fill: #a11d1d;");
        if (masked != 0) {
            flags.forEach(box -> box.setSelected(false));
            sequence.clear();
            acknowledgement.clear();
        }
    }

    private String verdictText(Prediction.Verdict result) {
        Prediction actual = result.actual();
        return String.join("  ·  ",
                part("predict.flags", result.flagsRight(), actual.flags().isEmpty() ? "-" : String.join(", ", actual.flags())),
                part("predict.seq", result.sequenceRight(), String.valueOf(actual.sequence())),
                part("predict.ack", result.acknowledgementRight(),
                        actual.acknowledgement() == null ? messages.get("predict.noack") : String.valueOf(actual.acknowledgement())));
    }

    private String part(String key, boolean right, String actual) {
        return messages.get(key) + " " + (right ? "\u2714 " : "\u2718 ") + messages.get(right ? "predict.right" : "predict.wrong",
                actual);
    }

    private void reveal() {
        Set<String> ticked = new LinkedHashSet<>();
        for (CheckBox box : flags) {
            if (box.isSelected()) {
                ticked.add(box.getText());
            }
        }
        playback.reveal(new Prediction(ticked, number(sequence.getText()), number(acknowledgement.getText())));
    }

    /** Asks the student's email and where to save, then writes the score as Moodle's grade import reads it. */
    private void exportScore() {
        javafx.scene.control.TextInputDialog ask = new javafx.scene.control.TextInputDialog();
        ask.setTitle(messages.get("predict.export"));
        ask.setHeaderText(messages.get("predict.email"));
        ask.initOwner(getScene().getWindow());
        ask.showAndWait().ifPresent(email -> {
            javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
            chooser.setInitialFileName("predict-score.csv");
            chooser.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter("CSV", "*.csv"));
            java.io.File file = chooser.showSaveDialog(getScene().getWindow());
            if (file != null) {
                byte[] csv = playback.scoreCsv(messages.get("predict.gradeItem"), email)
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
                try {
                    org.wirelab.core.pcap.AtomicFile.write(file.toPath(), out -> out.write(csv));
                } catch (java.io.IOException failed) {
                    verdict.setText(messages.get("predict.exportFailed", file, failed.getMessage()));
                }
            }
        });
    }

    private static Long number(String text) {
        try {
            return text.isBlank() ? null : Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return -1L;
        }
    }
}

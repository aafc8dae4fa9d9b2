package org.wirelab.app.checks;

import javafx.geometry.Insets;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.wirelab.app.i18n.Messages;
import org.wirelab.core.check.Check;
import org.wirelab.core.check.LabStep;

/**
 * The Checks pane: the lab step and port to check, one line per check (passed or failed, why, which
 * frames), and the verdict. Clicking a check selects its first frame in every view.
 */
public final class ChecksView extends VBox {

    public ChecksView(ChecksViewModel model, Messages messages) {
        super(4);
        setId("checks");
        setPadding(new Insets(4));
        ChoiceBox<LabStep> step = new ChoiceBox<>();
        step.setId("checks-step");
        step.getItems().setAll(LabStep.values());
        step.setConverter(stepNames(messages));
        // A new converter makes the choice box name its steps again, in the new language.
        messages.localeProperty().addListener(o -> step.setConverter(stepNames(messages)));
        step.setValue(model.stepProperty().get());
        model.stepProperty().addListener((o, was, now) -> step.setValue(now));
        step.setOnAction(e -> {
            if (step.getValue() != null && step.getValue() != model.stepProperty().get()) {
                model.chooseStep(step.getValue());
            }
        });
        TextField port = new TextField();
        port.setId("checks-port");
        port.setPrefColumnCount(5);
        port.setTextFormatter(new TextFormatter<>(change -> change.getControlNewText().matches("\\d{0,5}") ? change : null));
        port.setText(Integer.toString(model.portProperty().get()));
        model.portProperty().addListener((o, was, now) -> port.setText(now.toString()));
        port.setOnAction(e -> model.portProperty().set(port.getText().isEmpty() ? 0 : Integer.parseInt(port.getText())));
        port.focusedProperty().addListener((o, was, focused) -> {
            if (!focused) {
                port.getOnAction().handle(null);
            }
        });
        Label stepLabel = new Label();
        stepLabel.textProperty().bind(messages.text("checks.step"));
        Label portLabel = new Label();
        portLabel.textProperty().bind(messages.text("checks.port"));
        HBox choices = new HBox(6, stepLabel, step, portLabel, port);
        choices.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        // One wrapping line per check, in a scroll pane: a list view's cells do not grow with wrapped text.
        VBox list = new VBox(2);
        list.setId("checks-list");
        list.setPadding(new Insets(4));
        model.checks().addListener((javafx.collections.ListChangeListener<Check>) change -> fill(list, model));
        fill(list, model);
        ScrollPane scroll = new ScrollPane(list);
        scroll.setFitToWidth(true);
        Label verdict = new Label();
        verdict.setId("checks-verdict");
        verdict.setWrapText(true);
        verdict.textProperty().bind(model.verdictProperty());
        verdict.styleProperty().bind(javafx.beans.binding.Bindings.when(model.passedProperty())
                .then("-fx-font-weight: bold; -fx-text-fill: #1a7f37;").otherwise("-fx-font-weight: bold; -fx-text-fill: #cf222e;"));
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().addAll(choices, scroll, verdict);
    }

    private static void fill(VBox list, ChecksViewModel model) {
        list.getChildren().clear();
        int index = 0;
        for (Check check : model.checks()) {
            Label line = new Label((check.passed() ? "✔ " : "✘ ") + check.title() + " — " + check.detail());
            line.setId("check-" + index++);
            line.setWrapText(true);
            line.setMaxWidth(Double.MAX_VALUE);
            line.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            line.setStyle(check.passed() ? "-fx-text-fill: #1a7f37;" : "-fx-text-fill: #cf222e;");
            if (!check.frames().isEmpty()) {
                line.setCursor(javafx.scene.Cursor.HAND);
                line.setOnMouseClicked(e -> model.select(check));
            }
            list.getChildren().add(line);
        }
    }

    private static StringConverter<LabStep> stepNames(Messages messages) {
        return new StringConverter<>() {
            @Override
            public String toString(LabStep value) {
                return value == null ? "" : messages.get("checks.step." + value.id());
            }

            @Override
            public LabStep fromString(String text) {
                return null;
            }
        };
    }
}

package org.wirelab.app.source;

import java.time.Duration;
import java.util.List;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.GridPane;
import org.wirelab.app.i18n.Messages;

/**
 * Asks for a simulated run: which scenario, the link's one-way delay, its loss rate and the seed
 * (the same seed gives the same frames, so a class can look at the same losses together).
 */
public final class SimulationDialog extends Dialog<SimulatedSource> {

    public SimulationDialog(List<String> scenarios, Messages messages) {
        setTitle(messages.get("simulate.title"));
        setHeaderText(messages.get("simulate.header"));
        ChoiceBox<String> scenario = new ChoiceBox<>();
        scenario.setId("simulate-scenario");
        scenario.getItems().setAll(scenarios);
        scenario.setValue(scenarios.get(0));
        Spinner<Integer> delay = new Spinner<>(0, 2000, 10, 5);
        delay.setId("simulate-delay");
        delay.setEditable(true);
        Spinner<Integer> loss = new Spinner<>(0, 50, 0, 1);
        loss.setId("simulate-loss");
        loss.setEditable(true);
        Spinner<Integer> seed = new Spinner<>(0, Integer.MAX_VALUE, 1, 1);
        seed.setId("simulate-seed");
        seed.setEditable(true);
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.addRow(0, new Label(messages.get("simulate.scenario")), scenario);
        grid.addRow(1, new Label(messages.get("simulate.delay")), delay);
        grid.addRow(2, new Label(messages.get("simulate.loss")), loss);
        grid.addRow(3, new Label(messages.get("simulate.seed")), seed);
        getDialogPane().setContent(grid);
        getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        setResultConverter(button -> button == ButtonType.OK
                ? new SimulatedSource(scenario.getValue(), Duration.ofMillis(delay.getValue()), loss.getValue() / 100.0,
                        seed.getValue())
                : null);
    }
}

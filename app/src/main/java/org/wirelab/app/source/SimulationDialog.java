package org.wirelab.app.source;

import java.time.Duration;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import org.wirelab.app.i18n.Messages;
import org.wirelab.core.scenario.ScenarioCatalog;
import org.wirelab.simulator.SimulationOptions;
import org.wirelab.simulator.net.LinkConfig;
import org.wirelab.simulator.tcp.CongestionAlgorithm;
import org.wirelab.source.SimulatedSource;

/**
 * Asks for a simulated run: which scenario (with what it shows, from the scenario catalog), what the link does to each packet (one-way delay, jitter,
 * loss, duplication, reordering, bandwidth) and the seed (the same seed gives the same frames, so a
 * class can look at the same losses together). Each control says in its tooltip what it shows.
 */
public final class SimulationDialog extends Dialog<SimulatedSource> {
    private final GridPane grid = new GridPane();
    private final Messages messages;

    public SimulationDialog(List<String> scenarios, Messages messages) {
        this.messages = messages;
        setTitle(messages.get("simulate.title"));
        setHeaderText(messages.get("simulate.header"));
        ChoiceBox<String> scenario = new ChoiceBox<>();
        scenario.setId("simulate-scenario");
        scenario.getItems().setAll(scenarios);
        scenario.setValue(scenarios.get(0));
        grid.setHgap(10);
        grid.setVgap(8);
        grid.addRow(0, new Label(messages.get("simulate.scenario")), scenario);
        // What the chosen scenario shows, from the catalog, in the window's language.
        Label description = new Label();
        description.setId("simulate-description");
        description.setWrapText(true);
        description.setMaxWidth(420);
        description.textProperty().bind(Bindings.createStringBinding(
                () -> ScenarioCatalog.named(scenario.getValue()).description(messages.locale()), scenario.valueProperty()));
        grid.add(description, 1, 1);
        Spinner<Integer> delay = row("delay", 0, 2000, 10, 5);
        Spinner<Integer> jitter = row("jitter", 0, 1000, 0, 1);
        Spinner<Integer> loss = row("loss", 0, 100, 0, 1);
        Spinner<Integer> duplication = row("duplicate", 0, 50, 0, 1);
        Spinner<Integer> reordering = row("reorder", 0, 50, 0, 1);
        Spinner<Integer> bandwidth = row("bandwidth", 0, 10_000_000, 0, 100);
        Spinner<Integer> seed = row("seed", 0, Integer.MAX_VALUE, 1, 1);
        ChoiceBox<CongestionAlgorithm> congestion = congestionRow();
        getDialogPane().setContent(grid);
        getDialogPane().getButtonTypes().addAll(new ButtonType(messages.get("simulate.run"), ButtonData.OK_DONE),
                new ButtonType(messages.get("dialog.cancel"), ButtonData.CANCEL_CLOSE));
        setResultConverter(button -> {
            if (button.getButtonData() != ButtonData.OK_DONE) {
                return null;
            }
            LinkConfig link = SimulationOptions.LOOPBACK.withDelay(Duration.ofMillis(delay.getValue()))
                    .withJitter(Duration.ofMillis(jitter.getValue()))
                    .withLoss(percent(loss))
                    .withDuplication(percent(duplication))
                    .withReordering(percent(reordering))
                    .withBandwidth(bandwidth.getValue() * 1000L);
            return new SimulatedSource(scenario.getValue(), link, seed.getValue())
                    .withCongestionControl(congestion.getValue());
        });
    }

    /** The TCP's congestion control, CUBIC (Linux's default) or NewReno, on the next row, its id {@code simulate-cc}. */
    private ChoiceBox<CongestionAlgorithm> congestionRow() {
        ChoiceBox<CongestionAlgorithm> choice = new ChoiceBox<>();
        choice.setId("simulate-cc");
        choice.getItems().setAll(CongestionAlgorithm.CUBIC, CongestionAlgorithm.RENO);
        choice.setValue(CongestionAlgorithm.CUBIC);
        choice.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(CongestionAlgorithm algorithm) {
                return algorithm == null ? "" : messages.get("simulate.cc." + algorithm.linuxName());
            }

            @Override
            public CongestionAlgorithm fromString(String text) {
                return null; // a choice box is never edited
            }
        });
        Label label = new Label(messages.get("simulate.cc"));
        Tooltip hint = new Tooltip(messages.get("simulate.cc.hint"));
        hint.setWrapText(true);
        hint.setMaxWidth(360);
        label.setTooltip(hint);
        choice.setTooltip(hint);
        grid.addRow(grid.getRowCount(), label, choice);
        return choice;
    }

    /** A labelled spinner on the next row, its id {@code simulate-NAME}, its tooltip the name's hint. */
    private Spinner<Integer> row(String name, int min, int max, int initial, int step) {
        Spinner<Integer> spinner = new Spinner<>(min, max, initial, step);
        spinner.setId("simulate-" + name);
        spinner.setEditable(true);
        Label label = new Label(messages.get("simulate." + name));
        Tooltip hint = new Tooltip(messages.get("simulate." + name + ".hint"));
        hint.setWrapText(true);
        hint.setMaxWidth(360);
        label.setTooltip(hint);
        spinner.setTooltip(hint);
        grid.addRow(grid.getRowCount(), label, spinner);
        return spinner;
    }

    private static double percent(Spinner<Integer> spinner) {
        return spinner.getValue() / 100.0;
    }
}

package org.wirelab.app.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Spinner;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.wirelab.app.FxTest;
import org.wirelab.app.i18n.Messages;

class SimulationDialogTest extends FxTest {
    private SimulationDialog dialog;

    @Override
    public void start(Stage stage) {
        Messages messages = new Messages();
        messages.localeProperty().set(Locale.ENGLISH);
        dialog = new SimulationDialog(List.of("tcp-hello", "tcp-bulk"), messages);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theChosenDelayLossAndSeedMakeTheSource() {
        interact(() -> {
            var pane = dialog.getDialogPane();
            ((javafx.scene.control.ChoiceBox<String>) pane.lookup("#simulate-scenario")).setValue("tcp-bulk");
            ((Spinner<Integer>) pane.lookup("#simulate-delay")).getValueFactory().setValue(25);
            ((Spinner<Integer>) pane.lookup("#simulate-loss")).getValueFactory().setValue(5);
            ((Spinner<Integer>) pane.lookup("#simulate-seed")).getValueFactory().setValue(42);
        });
        SimulatedSource source = dialog.getResultConverter().call(ButtonType.OK);
        assertEquals(new SimulatedSource("tcp-bulk", Duration.ofMillis(25), 0.05, 42), source);
        assertEquals(null, dialog.getResultConverter().call(ButtonType.CANCEL));
    }
}

package org.wirelab.app.source;

import org.wirelab.simulator.tcp.CongestionAlgorithm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Spinner;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.wirelab.app.FxTest;
import org.wirelab.app.i18n.Messages;
import org.wirelab.simulator.SimulationOptions;
import org.wirelab.simulator.net.LinkConfig;
import org.wirelab.source.SimulatedSource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void theChosenLinkAndSeedMakeTheSource() {
        interact(() -> {
            var pane = dialog.getDialogPane();
            ((javafx.scene.control.ChoiceBox<String>) pane.lookup("#simulate-scenario")).setValue("tcp-bulk");
            ((Spinner<Integer>) pane.lookup("#simulate-delay")).getValueFactory().setValue(25);
            ((Spinner<Integer>) pane.lookup("#simulate-jitter")).getValueFactory().setValue(3);
            ((Spinner<Integer>) pane.lookup("#simulate-loss")).getValueFactory().setValue(5);
            ((Spinner<Integer>) pane.lookup("#simulate-duplicate")).getValueFactory().setValue(2);
            ((Spinner<Integer>) pane.lookup("#simulate-reorder")).getValueFactory().setValue(10);
            ((Spinner<Integer>) pane.lookup("#simulate-bandwidth")).getValueFactory().setValue(2_000);
            ((Spinner<Integer>) pane.lookup("#simulate-seed")).getValueFactory().setValue(42);
            ((javafx.scene.control.ChoiceBox<CongestionAlgorithm>) pane.lookup("#simulate-cc"))
                    .setValue(CongestionAlgorithm.RENO);
        });
        SimulatedSource source = dialog.getResultConverter().call(ButtonType.OK);
        LinkConfig link = SimulationOptions.LOOPBACK.withDelay(Duration.ofMillis(25)).withJitter(Duration.ofMillis(3))
                .withLoss(0.05).withDuplication(0.02).withReordering(0.10).withBandwidth(2_000_000);
        assertEquals(new SimulatedSource("tcp-bulk", link, 42).withCongestionControl(CongestionAlgorithm.RENO), source);
        assertEquals(null, dialog.getResultConverter().call(ButtonType.CANCEL));
    }

    @Test
    void inFrenchEveryControlIsNamedInFrench() throws Exception {
        Messages french = new Messages();
        french.localeProperty().set(Locale.FRENCH);
        var pane = org.testfx.util.WaitForAsyncUtils.asyncFx(
                () -> new SimulationDialog(List.of("lost-syn-ack"), french).getDialogPane()).get();
        var labels = pane.lookupAll(".label").stream().map(node -> ((javafx.scene.control.Label) node).getText()).toList();
        assertTrue(labels.containsAll(List.of("Délai aller (ms)", "Gigue (ms)", "Réordonnancement (% des paquets)",
                "Débit (kbit/s, 0 = sans limite)", "Contrôle de congestion")), labels.toString());
        assertTrue(labels.contains("Le SYN-ACK est perdu : le client renvoie son SYN après 1 s"),
                "the scenario catalog's description, in French: " + labels);
        Path shot = Path.of("target", "screenshots", "simulation-dialog-fr.png");
        Files.createDirectories(shot.getParent());
        interact(() -> {
            try {
                ImageIO.write(SwingFXUtils.fromFXImage(pane.snapshot(null, null), null), "png", shot.toFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The description under the scenario follows the choice (the scenario catalog's, in the window's language). */
    @Test
    @SuppressWarnings("unchecked")
    void theChosenScenarioSaysWhatItShows() {
        var pane = dialog.getDialogPane();
        var description = (javafx.scene.control.Label) pane.lookup("#simulate-description");
        assertEquals("The lab’s TCP client sends “hello serveur” to the lab’s server: handshake, data, teardown",
                description.getText());
        interact(() -> ((javafx.scene.control.ChoiceBox<String>) pane.lookup("#simulate-scenario")).setValue("tcp-bulk"));
        assertEquals("A bulk transfer (1 MB unless sized): many segments, the window and its scaling", description.getText());
    }

    @Test
    @SuppressWarnings("unchecked")
    void cubicIsTheDefaultAndNewRenoTheOtherChoice() {
        var choice = (javafx.scene.control.ChoiceBox<CongestionAlgorithm>) dialog.getDialogPane().lookup("#simulate-cc");
        assertEquals(CongestionAlgorithm.CUBIC, choice.getValue());
        assertEquals(List.of(CongestionAlgorithm.CUBIC, CongestionAlgorithm.RENO), choice.getItems());
        assertEquals("CUBIC (Linux’s default)", choice.getConverter().toString(CongestionAlgorithm.CUBIC));
        assertTrue(choice.getTooltip().getText().contains("NewReno"));
        assertEquals(CongestionAlgorithm.CUBIC, dialog.getResultConverter().call(ButtonType.OK).congestionControl());
    }

    @Test
    void everyControlExplainsItselfInATooltip() {
        for (String name : List.of("delay", "jitter", "loss", "duplicate", "reorder", "bandwidth", "seed")) {
            Spinner<?> spinner = (Spinner<?>) dialog.getDialogPane().lookup("#simulate-" + name);
            assertTrue(spinner.getTooltip() != null && spinner.getTooltip().getText().length() > 30, name);
        }
    }
}

package org.wirelab.app.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;
import org.wirelab.app.FxTest;
import org.wirelab.app.i18n.Messages;
import org.wirelab.core.compare.Comparison;

/**
 * The Compare tab driven like a user: simulated run with a lossy link, both ladders filled, the table's
 * cells equal to the comparison's, the labels in French after switching.
 */
class CompareViewTest extends FxTest {
    private final Messages messages = new Messages();
    private final CompareViewModel model = new CompareViewModel();
    private CompareView view;

    @Override
    public void start(Stage stage) {
        messages.localeProperty().set(Locale.ENGLISH);
        view = new CompareView(model, messages);
        stage.setScene(new Scene(view, 1400, 1000));
        stage.show();
    }

    @Test
    void aSimulatedRunFillsBothLaddersTheTableAndTheCharts() throws Exception {
        clickOn("#compare-simulated");
        replace("#compare-loss", "10");
        replace("#compare-delay", "10");
        replace("#compare-seed", "3");
        interact(() -> model.messagesProperty().set(20));
        assertEquals(20, ((javafx.scene.control.Spinner<?>) lookup("#compare-messages").query()).getValue(),
                "the spinner follows the model");
        clickOn("#compare-run");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> model.resultProperty().get() != null && !model.runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        Comparison comparison = model.resultProperty().get();
        assertEquals(20, comparison.workload().messages());
        assertEquals(comparison.udp().cost().bytes().frames(),
                Long.parseLong(cell("#compare-frames-udp").replace(",", "")), "the table shows the UDP frames");
        assertEquals(comparison.tcp().messages().delivered() + " of 20", cell("#compare-received-tcp"));
        assertEquals("20 of 20", cell("#compare-received-tcp"), "TCP delivers every message");
        assertTrue(comparison.udp().messages().lost() > 0, "10% loss loses some UDP messages with seed 3");
        assertEquals(comparison.udp().cost().bytes().frames(), ladderArrows("#compare-ladders", 0));
        assertEquals(comparison.tcp().cost().bytes().frames(), ladderArrows("#compare-ladders", 1));

        interact(() -> messages.localeProperty().set(Locale.FRENCH));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Lancer les deux", ((javafx.scene.control.Button) lookup("#compare-run").query()).getText());
        // The table follows: its headline, labels and values are French too.
        assertEquals("20 sur 20", cell("#compare-received-tcp"));
        assertEquals(comparison.udp().messages().delivered() + " sur 20", cell("#compare-received-udp"));
        String headline = cell("#compare-headline");
        assertTrue(headline.startsWith("20 messages de " + comparison.workload().size() + " octets"), headline);
        assertTrue(headline.endsWith("simulé : délai de 10 ms dans chaque sens, pertes 10 %, graine 3"), headline);
        assertTrue(lookup("Messages reçus par le serveur").tryQuery().isPresent(), "the row's label in French");

        Path shot = Path.of("target", "screenshots", "compare-tab.png");
        Files.createDirectories(shot.getParent());
        interact(() -> {
            BufferedImage image = SwingFXUtils.fromFXImage(view.snapshot(null, null), null);
            try {
                ImageIO.write(image, "png", shot.toFile());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    private int ladderArrows(String split, int side) {
        javafx.scene.control.SplitPane pane = lookup(split).query();
        javafx.scene.layout.VBox box = (javafx.scene.layout.VBox) pane.getItems().get(side);
        org.wirelab.app.ladder.LadderCanvas canvas = (org.wirelab.app.ladder.LadderCanvas) box.getChildren().get(1);
        return canvas.ladderProperty().get().size();
    }

    private String cell(String id) {
        return ((Label) lookup(id).query()).getText();
    }

    private void replace(String id, String text) {
        TextField field = lookup(id).query();
        interact(() -> field.setText(text));
    }
}

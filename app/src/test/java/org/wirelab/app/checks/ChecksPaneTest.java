package org.wirelab.app.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;
import org.wirelab.app.FxTest;
import org.wirelab.app.MainWindow;
import org.wirelab.core.testing.Environment;

/** File › Open exercise in the window: its capture opens with the Checks pane shown, and a click selects a frame. */
class ChecksPaneTest extends FxTest {
    private MainWindow window;
    private Stage stage;

    @Override
    public void start(Stage stage) {
        this.stage = stage;
        window = showMainWindow(stage, Locale.FRENCH, "wirelab-test-checks", 1440, 900);
    }

    @Test
    void anExerciseOpensItsCaptureWithItsChecksAndItsText() throws Exception {
        Path exercise = Environment.samples().resolve("exercises/tcp-recovers.json");
        openExercise(exercise).get(60, TimeUnit.SECONDS);
        window.model().awaitSource();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !window.model().loadingProperty().get()
                && !window.checks().checks().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.layout.VBox list = lookup("#checks-list").queryAs(javafx.scene.layout.VBox.class);
        assertEquals(3, list.getChildren().size());
        String message = lookup("#check-1").queryAs(javafx.scene.control.Label.class).getText();
        assertTrue(message.startsWith("✔ message du client — ") && message.contains("une partie a été envoyée de nouveau (trame 7"),
                message);
        assertTrue(lookup("#checks-list").query().isVisible(), "the Checks tab is shown");
        TextArea text = lookup("#exercise-text").queryAs(TextArea.class);
        assertTrue(text.getText().startsWith("Le client TCP du TP envoie"), text.getText());
        clickOn("#check-1");
        assertEquals(4, window.model().selectedFrameProperty().get(), "the message's frame is selected");
        screenshot(1440, 900, "checks-pane-fr.png");
        screenshot(1024, 768, "checks-pane-1024x768.png");

        // The same pane in an English window: the checks say their verdicts again in English.
        interact(() -> window.messages().localeProperty().set(Locale.ENGLISH));
        WaitForAsyncUtils.waitForFxEvents();
        String english = lookup("#check-1").queryAs(javafx.scene.control.Label.class).getText();
        assertTrue(english.startsWith("✔ ") && !english.equals(message), english);
        // Every view follows, not only the checks: the OSI tree's fields and the lab step's name too.
        java.util.List<String> fields = lookup("#osi-tree .tree-cell").queryAll().stream()
                .map(cell -> ((javafx.scene.control.Labeled) cell).getText()).filter(java.util.Objects::nonNull).toList();
        assertTrue(fields.stream().anyMatch(f -> f.startsWith("Destination Port: 3000")), fields.toString());
        assertTrue(fields.stream().noneMatch(f -> f.contains("Port de destination") || f.contains("séquence")), fields.toString());
        String stepShown = lookup("#checks-step .label").queryAs(javafx.scene.control.Label.class).getText();
        assertTrue(!stepShown.contains("étape"), stepShown);
        screenshot(1440, 900, "checks-pane.png");
    }

    @Test
    void aBrokenExerciseSaysWhichLine() throws Exception {
        Path broken = Files.createTempFile("broken", ".json");
        Files.writeString(broken, "{\n  \"wirelab-exercise\": 1,\n  \"titel\": {}\n}\n");
        openExercise(broken).get(60, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        String error = window.model().errorProperty().get();
        assertTrue(error.startsWith(broken + ":3: unknown key \"titel\""), error);
        Files.delete(broken);
    }

    @Test
    void predictModeKeepsTheSessionsScoreBesideTheVerdict() throws Exception {
        openSample(window, "tcp-hello.pcap");
        clickOn("#playback-predict");
        clickOn("#playback-forward");
        clickOn("#predict-syn");
        clickOn("#predict-seq").write("0");
        clickOn("#predict-reveal");
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.Label score = lookup("#predict-score").queryAs(javafx.scene.control.Label.class);
        assertEquals("Score : 3 / 3", score.getText());
        assertTrue(!lookup("#predict-export").queryButton().isDisabled(), "the export is offered between questions");
        screenshot(1024, 768, "predict-score-1024x768.png");
    }

    /** As File › Open exercise does it: on the FX thread. */
    private java.util.concurrent.CompletableFuture<Void> openExercise(Path file) {
        java.util.concurrent.atomic.AtomicReference<java.util.concurrent.CompletableFuture<Void>> done =
                new java.util.concurrent.atomic.AtomicReference<>();
        interact(() -> done.set(window.openExercise(file)));
        return done.get();
    }

    private void screenshot(double width, double height, String name) throws Exception {
        interact(() -> {
            stage.setWidth(width);
            stage.setHeight(height);
        });
        assertTrue(Files.size(screenshot(stage.getScene(), name)) > 10_000);
    }
}

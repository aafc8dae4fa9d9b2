package org.wirelab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerLight;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;
import org.wirelab.app.capture.CaptureViewModel;
import org.wirelab.app.explain.ExplanationView;
import org.wirelab.app.i18n.Messages;
import org.wirelab.app.ladder.LadderCanvas;
import org.wirelab.app.layers.OsiTreeView;
import org.wirelab.app.presentation.Zoom;
import org.wirelab.app.source.FileSource;
import org.wirelab.core.ladder.draw.LadderPainter;
import org.wirelab.core.ladder.draw.TextStyle;
import org.wirelab.core.testing.Environment;

/**
 * Presentation mode on a 1024x768 projector: the ladder and the explanation side by side, their text at
 * least {@link #SMALLEST_TEXT} pixels, nothing cut; zoom in every view from the View menu's keys.
 */
class PresentationTest extends FxTest {
    /** The smallest text on the ladder in presentation mode, in screen pixels (13 px as designed): read from the back of a room. */
    private static final double SMALLEST_TEXT = 16.5;
    private MainWindow window;
    private Stage stage;

    @Override
    public void start(Stage stage) {
        this.stage = stage;
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        Messages messages = new Messages();
        messages.localeProperty().set(Locale.ENGLISH);
        window = new MainWindow(new CaptureViewModel(Platform::runLater), messages,
                new AppPreferences(Preferences.userRoot().node("wirelab-test-presentation")));
        window.show(stage);
        stage.setX(0);
        stage.setY(0);
        stage.setWidth(1024);
        stage.setHeight(768);
    }

    private void openHelloOnItsData() throws Exception {
        interact(() -> window.open(new FileSource(Environment.samples().resolve("tcp-hello.pcap"))));
        window.model().awaitSource();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !window.model().loadingProperty().get());
        interact(() -> window.model().select(4));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static Bounds onScene(Node node) {
        return node.localToScene(node.getBoundsInLocal());
    }

    @Test
    void f5ShowsTheLadderAndTheExplanationSideBySideLargeAndWhole() throws Exception {
        openHelloOnItsData();
        type(KeyCode.F5);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(window.zoom().presentingProperty().get(), "F5 turns presentation mode on");

        LadderCanvas ladder = (LadderCanvas) window.ladderSlot().getChildren().get(0);
        ExplanationView explanation = lookup("#explanation").queryAs(ExplanationView.class);
        double sceneWidth = stage.getScene().getWidth();
        double sceneHeight = stage.getScene().getHeight();
        Bounds ladderBounds = onScene(ladder);
        Bounds explanationBounds = onScene(explanation);
        assertTrue(explanationBounds.getMinX() >= ladderBounds.getMaxX() - 1, "side by side: " + ladderBounds + " " + explanationBounds);
        assertTrue(ladderBounds.getWidth() > sceneWidth / 2, "the ladder has most of the width");
        assertTrue(explanationBounds.getMaxX() <= sceneWidth + 0.5 && explanationBounds.getMaxY() <= sceneHeight + 0.5,
                "the explanation is inside the window: " + explanationBounds);
        assertTrue(lookup("#packet-list").tryQuery().isEmpty(), "the packet list is one key away, not on screen");

        double smallest = ladder.scaleProperty().get() * TextStyle.NUMBERS.size();
        assertTrue(smallest >= SMALLEST_TEXT, "the ladder's smallest arrow text is " + smallest + " px");
        double explanationFont = explanation.text().getFont().getSize();
        assertTrue(explanationFont >= SMALLEST_TEXT, "the explanation's text is " + explanationFont + " px");

        // Nothing cut: both lanes and every label fit the ladder without scrolling sideways, and the whole
        // explanation is shown (no "..."), below its frame's number.
        LadderPainter painter = ladder.painter();
        double viewWidth = ladder.view().width();
        assertTrue(LadderPainter.TIME_COLUMN + painter.contentWidth(viewWidth) <= viewWidth,
                "the lanes and labels fit: " + painter.contentWidth(viewWidth) + " in " + viewWidth);
        for (int lane = 0; lane < 2; lane++) {
            double x = painter.laneX(lane, ladder.view()) * ladder.scaleProperty().get();
            assertTrue(x > 0 && x < ladder.getWidth(), "lane " + lane + " is on screen at " + x);
        }
        javafx.scene.control.Label text = explanation.text();
        assertTrue(text.getText().startsWith("Frame 4:"), text.getText());
        assertTrue(text.getHeight() >= text.prefHeight(text.getWidth()) - 0.5, "the explanation is whole");
        assertTrue(onScene(text).getMaxY() <= sceneHeight, "and inside the window");

        screenshot("presentation-1024x768.png");
        interact(() -> window.messages().localeProperty().set(Locale.FRENCH));
        WaitForAsyncUtils.waitForFxEvents();
        screenshot("presentation-1024x768-fr.png");
        interact(() -> window.messages().localeProperty().set(Locale.ENGLISH));

        type(KeyCode.F5);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(!window.zoom().presentingProperty().get());
        assertTrue(lookup("#packet-list").query().isVisible() && lookup("#packet-list").query().getScene() != null,
                "F5 again brings the rest back");
        assertEquals(1.0, ladder.scaleProperty().get(), 1e-9);
    }

    @Test
    void zoomIsInTheViewMenuAndEnlargesEveryView() throws Exception {
        openHelloOnItsData();
        MenuBar bar = lookup("#menu-bar").queryAs(MenuBar.class);
        List<MenuItem> view = bar.getMenus().get(2).getItems();
        for (String id : List.of("menu-presentation", "menu-zoom-in", "menu-zoom-out", "menu-zoom-reset")) {
            assertTrue(view.stream().anyMatch(i -> id.equals(i.getId()) && i.getAccelerator() != null), id + " with its key");
        }
        OsiTreeView tree = lookup("#osi-tree").queryAs(OsiTreeView.class);
        LadderCanvas ladder = (LadderCanvas) window.ladderSlot().getChildren().get(0);
        double treeFont = fontOf(tree);
        press(KeyCode.CONTROL).press(KeyCode.EQUALS).release(KeyCode.EQUALS).release(KeyCode.CONTROL);
        press(KeyCode.CONTROL).press(KeyCode.PLUS).release(KeyCode.PLUS).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Zoom.STEP * Zoom.STEP, window.zoom().scale(), 1e-9, "Ctrl = and Ctrl + zoom in");
        assertEquals(Zoom.STEP * Zoom.STEP, ladder.scaleProperty().get(), 1e-9, "the ladder grows");
        assertTrue(fontOf(tree) > treeFont * 1.25, "the OSI tree's type grows: " + fontOf(tree));
        screenshot("main-window-zoomed-1024x768.png");
        press(KeyCode.CONTROL).press(KeyCode.MINUS).release(KeyCode.MINUS).release(KeyCode.CONTROL);
        assertEquals(Zoom.STEP, window.zoom().scale(), 1e-9, "Ctrl - zooms out");
        press(KeyCode.CONTROL).press(KeyCode.DIGIT0).release(KeyCode.DIGIT0).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, window.zoom().scale(), 1e-9, "Ctrl 0 resets");
        assertEquals(treeFont, fontOf(tree), 0.01);
    }

    /** At 1024x768 the OSI tree and the bytes keep several rows each, whatever the explanation's length. */
    @Test
    void theTreeAndTheBytesNeverCollapseToTwoRows() throws Exception {
        openHelloOnItsData();
        Node tree = lookup("#osi-tree").query();
        Node hex = lookup("#hex-view").tryQuery().orElseGet(() -> lookup(".hex-view").query());
        assertTrue(tree.getBoundsInLocal().getHeight() >= 6 * 24, "tree " + tree.getBoundsInLocal().getHeight());
        assertTrue(hex.getBoundsInLocal().getHeight() >= 5 * 20, "hex " + hex.getBoundsInLocal().getHeight());
    }

    private static double fontOf(OsiTreeView tree) {
        return tree.lookupAll(".tree-cell").stream().filter(n -> n instanceof javafx.scene.control.Labeled)
                .mapToDouble(n -> ((javafx.scene.control.Labeled) n).getFont().getSize()).max().orElse(0);
    }

    private void screenshot(String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Path out = Environment.repositoryRoot().resolve("ui/target/screenshots/" + name);
        Files.createDirectories(out.getParent());
        java.util.concurrent.atomic.AtomicReference<WritableImage> image = new java.util.concurrent.atomic.AtomicReference<>();
        interact(() -> image.set(stage.getScene().snapshot(null)));
        ImageIO.write(SwingFXUtils.fromFXImage(image.get(), null), "png", out.toFile());
    }
}

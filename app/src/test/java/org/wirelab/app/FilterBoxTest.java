package org.wirelab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Locale;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;
import org.wirelab.app.packets.FilterBox;
import org.wirelab.app.packets.PacketListView;
import org.wirelab.source.FileSource;
import org.wirelab.core.testing.Environment;
import org.wirelab.core.testing.Tshark;

/** The filter box in display-filter mode keeps the frames tshark -Y keeps, turns green or red, and keeps text search as a mode. */
class FilterBoxTest extends FxTest {
    private MainWindow window;
    private Stage stage;

    @Override
    public void start(Stage stage) {
        this.stage = stage;
        window = showMainWindow(stage, Locale.ENGLISH, "wirelab-test-filter-box", 1024, 768);
    }

    @Test
    void aDisplayFilterKeepsTheFramesTsharkKeeps() throws Exception {
        Path file = Environment.samples().resolve("http-get.pcap");
        openAndWait(window, new FileSource(file));
        TextField text = lookup("#filter-text").queryAs(TextField.class);
        @SuppressWarnings("unchecked")
        ChoiceBox<FilterBox.Mode> mode = lookup("#filter-mode").queryAs(ChoiceBox.class);
        PacketListView packets = lookup("#packet-list").queryAs(PacketListView.class);

        interact(() -> mode.setValue(FilterBox.Mode.DISPLAY_FILTER));
        String filter = "tcp.len > 0 && http.request.method != \"POST\" || tcp.flags.syn == 1";
        clickOn(text).write(filter);
        long expected = Tshark.run("-r", file.toString(), "-Y", filter, "-T", "fields", "-e", "frame.number").lines().count();
        WaitForAsyncUtils.waitFor(60, java.util.concurrent.TimeUnit.SECONDS, () -> packets.shownCount() == expected);
        assertEquals(javafx.scene.paint.Color.web("#afffaf"), background(text), "a valid filter is green");
        screenshot(stage.getScene(), "filter-box-valid.png");

        write(" &&");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(javafx.scene.paint.Color.web("#ffafaf"), background(text), "an invalid filter is red");
        assertTrue(text.getTooltip().getText().startsWith("the end of the filter was unexpected"),
                text.getTooltip().getText());
        assertEquals(expected, packets.shownCount(), "an invalid filter is not applied");
        screenshot(stage.getScene(), "filter-box-invalid.png");

        // Field names are completed, with their labels.
        interact(text::clear);
        clickOn(text).write("tcp.flags.sy");
        WaitForAsyncUtils.waitForFxEvents();
        clickOn("tcp.flags.syn  Syn");
        assertEquals("tcp.flags.syn", text.getText());

        interact(() -> {
            text.clear();
            mode.setValue(FilterBox.Mode.TEXT);
        });
        clickOn(text).write("GET");
        WaitForAsyncUtils.waitFor(60, java.util.concurrent.TimeUnit.SECONDS, () -> packets.shownCount() == 1);
        assertEquals("", text.getStyle(), "text search has no colour");
    }

    @Test
    void aFieldOfTheOsiTreeIsAppliedOrPreparedAsAFilter() throws Exception {
        Path file = Environment.samples().resolve("http-get.pcap");
        interact(() -> window.open(new FileSource(file)));
        window.model().awaitSource();
        WaitForAsyncUtils.waitFor(60, java.util.concurrent.TimeUnit.SECONDS, () -> !window.model().loadingProperty().get());
        interact(() -> window.model().selectedFrameProperty().set(4));
        WaitForAsyncUtils.waitForFxEvents();
        TextField text = lookup("#filter-text").queryAs(TextField.class);
        PacketListView packets = lookup("#packet-list").queryAs(PacketListView.class);

        rightClickOn(treeRow("tcp.dstport"));
        clickOn("Prepare as filter");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("tcp.dstport == 8080", text.getText());
        assertEquals(12, packets.shownCount(), "a prepared filter is not applied yet");

        rightClickOn(treeRow("http.request.method"));
        clickOn("Apply as filter");
        assertEquals("http.request.method == \"GET\"", text.getText());
        long expected = Tshark.run("-r", file.toString(), "-Y", text.getText(), "-T", "fields", "-e", "frame.number")
                .lines().count();
        WaitForAsyncUtils.waitFor(60, java.util.concurrent.TimeUnit.SECONDS, () -> packets.shownCount() == expected);
        assertEquals(javafx.scene.paint.Color.web("#afffaf"), background(text), "an applied filter is green");
    }

    /** The OSI tree's row of the field named {@code name}, made visible and selected. */
    private javafx.scene.Node treeRow(String name) throws Exception {
        org.wirelab.app.layers.OsiTreeView tree = lookup("#osi-tree").queryAs(org.wirelab.app.layers.OsiTreeView.class);
        interact(() -> {
            javafx.scene.control.TreeItem<org.wirelab.app.layers.OsiTreeView.Entry> found = find(tree.getRoot(), name);
            for (var up = found; up != null; up = up.getParent()) {
                up.setExpanded(true);
            }
            int row = tree.getRow(found);
            tree.scrollTo(Math.max(0, row - 2));
            tree.getSelectionModel().select(found);
        });
        WaitForAsyncUtils.waitForFxEvents();
        var selected = tree.getSelectionModel().getSelectedItem();
        return lookup(node -> node instanceof javafx.scene.control.TreeCell<?> cell && cell.getTreeItem() == selected
                && cell.isVisible()).query();
    }

    private static javafx.scene.control.TreeItem<org.wirelab.app.layers.OsiTreeView.Entry> find(
            javafx.scene.control.TreeItem<org.wirelab.app.layers.OsiTreeView.Entry> item, String name) {
        if (item.getValue() instanceof org.wirelab.app.layers.OsiTreeView.FieldEntry field
                && field.field().name().equals(name)) {
            return item;
        }
        for (var child : item.getChildren()) {
            var found = find(child, name);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** The colour the text field is painted with, near its left edge, as on the screen. */
    private javafx.scene.paint.Color background(TextField text) {
        var image = new java.util.concurrent.atomic.AtomicReference<javafx.scene.image.WritableImage>();
        interact(() -> image.set(text.snapshot(null, null)));
        return image.get().getPixelReader().getColor(2, (int) (image.get().getHeight() / 2));
    }

    /**
     * Zoomed in on a 1024x768 projector, the playback controls and the filters no longer fit on one row: the
     * filters go to a row of their own, the filter's text whole and wide inside the window (at zoom 1.3 it
     * had gone past the window's right edge).
     */
    @Test
    void zoomedInAt1024x768TheFilterTextStaysInsideTheWindow() throws Exception {
        openSample(window, "tcp-hello.pcap");
        TextField text = lookup("#filter-text").queryAs(TextField.class);
        for (int step = 0; step <= 3; step++) {
            WaitForAsyncUtils.waitForFxEvents();
            javafx.geometry.Bounds bounds = text.localToScene(text.getLayoutBounds());
            double zoom = window.zoom().scale();
            assertTrue(bounds.getMaxX() <= stage.getScene().getWidth(), "zoom " + zoom + ": the filter's text ends at "
                    + bounds.getMaxX() + ", past the window's " + stage.getScene().getWidth());
            assertTrue(bounds.getWidth() >= 150, "zoom " + zoom + ": the filter's text is " + bounds.getWidth() + " wide");
            if (step == 2) {
                screenshot(stage.getScene(), "filter-zoomed-1024x768.png");
            }
            interact(() -> window.zoom().zoomIn());
        }
        interact(() -> window.zoom().reset());
    }
}

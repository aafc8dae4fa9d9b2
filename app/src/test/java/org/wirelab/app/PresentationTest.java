package org.wirelab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;
import org.wirelab.app.explain.ExplanationView;
import org.wirelab.app.ladder.LadderCanvas;
import org.wirelab.app.layers.OsiTreeView;
import org.wirelab.app.presentation.Zoom;
import org.wirelab.core.ladder.draw.LadderPainter;
import org.wirelab.core.ladder.draw.Surface.Anchor;
import org.wirelab.core.ladder.draw.TextStyle;

/**
 * Presentation mode on a 1024x768 projector: the ladder and the explanation side by side, their text at
 * least {@link #SMALLEST_TEXT} pixels, nothing cut; zoom in every view from the View menu's keys.
 */
class PresentationTest extends FxTest {
    /** The smallest text on the ladder in presentation mode, in screen pixels (13 px as designed): read from the back of a room. */
    private static final double SMALLEST_TEXT = 16.5;
    /** The smallest of the rest (time column, legend, states), 12 px as designed. */
    private static final double SMALLEST_NOTE = 15.5;
    private MainWindow window;
    private Stage stage;

    @Override
    public void start(Stage stage) {
        this.stage = stage;
        window = showMainWindow(stage, Locale.ENGLISH, "wirelab-test-presentation", 1024, 768);
    }

    private void openHelloOnItsData() throws Exception {
        openSample(window, "tcp-hello.pcap");
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

        assertEverythingOnTheLadderIsWholeAndLarge(ladder);

        screenshot(stage.getScene(), "presentation-1024x768.png");
        interact(() -> window.messages().localeProperty().set(Locale.FRENCH));
        WaitForAsyncUtils.waitForFxEvents();
        screenshot(stage.getScene(), "presentation-1024x768-fr.png");
        interact(() -> window.messages().localeProperty().set(Locale.ENGLISH));

        type(KeyCode.F5);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(!window.zoom().presentingProperty().get());
        assertTrue(lookup("#packet-list").query().isVisible() && lookup("#packet-list").query().getScene() != null,
                "F5 again brings the rest back");
        assertEquals(1.0, ladder.scaleProperty().get(), 1e-9);
    }

    /**
     * Projected at 1024x768, the explanation wraps at its spaces only: "127.0.0.1:51102" is never cut as
     * "127.0.0.1:5110 / 2)", nor "14 octets" as "14 / octets", in either language, and the ladder keeps
     * its lanes whole beside it.
     */
    @Test
    void theExplanationWrapsAtSpacesOnlyKeepingAddressesAndNumbersWhole() throws Exception {
        openHelloOnItsData();
        type(KeyCode.F5);
        WaitForAsyncUtils.waitForFxEvents();
        ExplanationView explanation = lookup("#explanation").queryAs(ExplanationView.class);
        LadderCanvas ladder = (LadderCanvas) window.ladderSlot().getChildren().get(0);
        for (Locale language : List.of(Locale.FRENCH, Locale.ENGLISH)) {
            interact(() -> window.messages().localeProperty().set(language));
            WaitForAsyncUtils.waitForFxEvents();
            javafx.scene.text.Text shown = (javafx.scene.text.Text) explanation.text().lookup(".text");
            String text = shown.getText();
            assertEquals(explanation.text().getText(), text, "the whole explanation is shown");
            int address = text.indexOf("127.0.0.1:");
            assertTrue(address >= 0, text);
            int lines = 1;
            for (int i = 1; i < text.length(); i++) {
                if (lineOf(shown, i) != lineOf(shown, i - 1)) {
                    lines++;
                    assertTrue(Character.isWhitespace(text.charAt(i - 1)) && text.charAt(i - 1) != '\u00A0',
                            language + ": a line ends inside a word, before \"" + text.substring(i) + "\" in: " + text);
                }
            }
            assertTrue(lines >= 3, language + ": the explanation wraps (" + lines + " lines), so the test means something");
            String counted = language == Locale.FRENCH ? "14\u00A0octets" : "14\u00A0bytes";
            assertTrue(text.contains(counted), language + ": the number stays with its unit: " + text);
            double viewWidth = ladder.view().width();
            assertTrue(LadderPainter.TIME_COLUMN + ladder.painter().contentWidth(viewWidth) <= viewWidth,
                    language + ": the ladder's lanes and labels still fit beside it");
            assertTrue(onScene(explanation).getMaxX() <= stage.getScene().getWidth() + 0.5, "inside the window");
        }
        interact(() -> window.messages().localeProperty().set(Locale.ENGLISH));
        type(KeyCode.F5);
    }

    /** The vertical position of the line that holds character {@code index} of {@code text}. */
    private static double lineOf(javafx.scene.text.Text text, int index) {
        javafx.scene.shape.PathElement[] caret = text.caretShape(index, true);
        return Math.round(((javafx.scene.shape.MoveTo) caret[0]).getY());
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
        org.wirelab.app.packets.PacketListView list = lookup("#packet-list").queryAs(org.wirelab.app.packets.PacketListView.class);
        org.wirelab.app.bytes.HexView hex = lookup("#hex-view").queryAs(org.wirelab.app.bytes.HexView.class);
        double rowHeight = list.rowCentre(list.firstVisibleRow() + 1).getY() - list.rowCentre(list.firstVisibleRow()).getY();
        double byteWidth = hex.centreOf(1)[0] - hex.centreOf(0)[0];
        press(KeyCode.CONTROL).press(KeyCode.EQUALS).release(KeyCode.EQUALS).release(KeyCode.CONTROL);
        press(KeyCode.CONTROL).press(KeyCode.PLUS).release(KeyCode.PLUS).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Zoom.STEP * Zoom.STEP, window.zoom().scale(), 1e-9, "Ctrl = and Ctrl + zoom in");
        assertEquals(Zoom.STEP * Zoom.STEP, ladder.scaleProperty().get(), 1e-9, "the ladder grows");
        assertTrue(fontOf(tree) > treeFont * 1.25, "the OSI tree's type grows: " + fontOf(tree));
        double zoomedRow = list.rowCentre(list.firstVisibleRow() + 1).getY() - list.rowCentre(list.firstVisibleRow()).getY();
        assertEquals(rowHeight * Zoom.STEP * Zoom.STEP, zoomedRow, 0.01, "the packet list's rows grow");
        assertEquals(byteWidth * Zoom.STEP * Zoom.STEP, hex.centreOf(1)[0] - hex.centreOf(0)[0], 0.01, "the bytes grow");
        screenshot(stage.getScene(), "main-window-zoomed-1024x768.png");
        clickOn("Charts");   // built when first shown, at the zoom of the moment
        org.wirelab.app.charts.ChartsView charts = lookup("#charts-view").queryAs(org.wirelab.app.charts.ChartsView.class);
        assertEquals(Zoom.STEP * Zoom.STEP, charts.scaleProperty().get(), 1e-9, "the charts follow");
        WaitForAsyncUtils.waitForFxEvents();
        // Zoomed in a short tab, the chart keeps the height its texts need and the tab scrolls.
        assertTrue(charts.chartPane().getHeight() >= org.wirelab.charts.Charts.MINIMUM_HEIGHT * Zoom.STEP * Zoom.STEP - 0.5,
                "the chart is " + charts.chartPane().getHeight() + " high");
        screenshot(stage.getScene(), "charts-zoomed-1024x768.png");
        press(KeyCode.CONTROL).press(KeyCode.MINUS).release(KeyCode.MINUS).release(KeyCode.CONTROL);
        assertEquals(Zoom.STEP, window.zoom().scale(), 1e-9, "Ctrl - zooms out");
        press(KeyCode.CONTROL).press(KeyCode.DIGIT0).release(KeyCode.DIGIT0).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, window.zoom().scale(), 1e-9, "Ctrl 0 resets");
        assertEquals(treeFont, fontOf(tree), 0.01);
    }

    /**
     * At 1024x768 and 1440x900, at each zoom step up to twice zoomed in (1.3 times), the OSI tree and the
     * bytes show at least four rows each on screen, whatever the explanation's length (it keeps two lines and
     * scrolls), and no byte is cut off at the view's edge (fewer bytes a row instead). Rows are counted where
     * they can be seen: inside the window, above the status line, not clipped by the panes that hold them
     * nor under the tree's horizontal scroll bar.
     */
    @Test
    void theTreeAndTheBytesNeverCollapseToTwoRows() throws Exception {
        openHelloOnItsData();
        assertRowsAtEachZoomStep("1024x768");
        interact(() -> {
            stage.setWidth(1440);
            stage.setHeight(900);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertRowsAtEachZoomStep("1440x900");
    }

    private void assertRowsAtEachZoomStep(String size) throws Exception {
        OsiTreeView tree = lookup("#osi-tree").queryAs(OsiTreeView.class);
        org.wirelab.app.bytes.HexView hex = lookup("#hex-view").queryAs(org.wirelab.app.bytes.HexView.class);
        ExplanationView explanation = lookup("#explanation").queryAs(ExplanationView.class);
        Node status = lookup("#status").query();
        for (int zoomed = 0; zoomed <= 2; zoomed++) {
            String zoom = size + ", zoom " + window.zoom().scale() + ": ";
            // What can be seen: the window above the status line, and each pane's own clip (a split pane's).
            double bottom = Math.min(stage.getScene().getHeight(), onScene(status).getMinY());
            Bounds bytes = onScene(hex);
            double bytesSeen = Math.min(bytes.getMaxY(), seenDownTo(hex, bottom)) - bytes.getMinY();
            assertTrue(bytesSeen / hex.rowHeight() >= 4, zoom + bytesSeen / hex.rowHeight() + " rows of bytes seen");
            assertTrue(hex.rowsWidth() <= hex.getLayoutBounds().getWidth(), zoom + "rows " + hex.rowsWidth()
                    + " wide in a view " + hex.getLayoutBounds().getWidth() + " wide");
            Bounds treeOnScene = onScene(tree);
            double treeBottom = Math.min(treeOnScene.getMaxY(), seenDownTo(tree, bottom));
            for (Node bar : tree.lookupAll(".scroll-bar")) {
                if (bar.isVisible() && ((javafx.scene.control.ScrollBar) bar).getOrientation()
                        == javafx.geometry.Orientation.HORIZONTAL) {
                    treeBottom = Math.min(treeBottom, onScene(bar).getMinY());
                }
            }
            double seenTo = treeBottom;
            long rows = tree.lookupAll(".tree-cell").stream()
                    .filter(cell -> cell.isVisible() && ((javafx.scene.control.TreeCell<?>) cell).getItem() != null)
                    .map(PresentationTest::onScene)
                    .filter(cell -> cell.getMinY() >= treeOnScene.getMinY() - 0.5 && cell.getMaxY() <= seenTo + 0.5)
                    .count();
            assertTrue(rows >= 4, zoom + rows + " rows of the tree seen whole");
            // The explanation keeps two whole lines at least, the rest a scroll away.
            javafx.scene.text.Text text = (javafx.scene.text.Text) explanation.text().lookup(".text");
            double line = text.getLayoutBounds().getHeight() / lines(text);
            assertTrue(Math.min(onScene(explanation).getMaxY(), bottom) - onScene(explanation).getMinY()
                    - explanation.getPadding().getTop() >= 2 * line, zoom + "the explanation keeps two lines");
            screenshot(stage.getScene(), "main-window-zoom-" + zoomed + "-" + size + ".png");
            interact(() -> window.zoom().zoomIn());
            WaitForAsyncUtils.waitForFxEvents();
        }
        interact(() -> window.zoom().reset());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** How many lines {@code text} is wrapped on. */
    private static int lines(javafx.scene.text.Text text) {
        int lines = 1;
        for (int i = 1; i < text.getText().length(); i++) {
            lines += lineOf(text, i) != lineOf(text, i - 1) ? 1 : 0;
        }
        return lines;
    }

    /** How far down {@code node} can be seen: its panes' bottoms (one may clip it), and at most {@code bottom}. */
    private static double seenDownTo(Node node, double bottom) {
        double seen = bottom;
        for (Node up = node.getParent(); up != null; up = up.getParent()) {
            seen = Math.min(seen, onScene(up).getMaxY());
        }
        return seen;
    }

    /**
     * Paints the ladder as shown, scrolled into the exchange so that the header shows each lane's state
     * beside its role, on a surface that measures with the real fonts: every text is inside the view
     * (no tag cut at the window's edge, as "SYN-REC" once was) and at least {@link #SMALLEST_NOTE} pixels
     * on screen, the arrows' texts at least {@link #SMALLEST_TEXT}.
     */
    private static void assertEverythingOnTheLadderIsWholeAndLarge(LadderCanvas ladder) {
        double scale = ladder.scaleProperty().get();
        // Scrolled down to the third arrow at least, whether or not the window's layout made the ladder scroll.
        org.wirelab.core.ladder.draw.LadderView scrolled = ladder.view().scrolledTo(ladder.view().scrollX(),
                Math.max(ladder.view().scrollY(), ladder.painter().contentY(2, ladder.view())));
        List<String> problems = new java.util.ArrayList<>();
        int[] headerStates = {0};
        ladder.painter().paint(new MeasuringSurface() {
            @Override
            public void text(String text, double x, double y, TextStyle style, org.wirelab.core.ladder.draw.Rgb colour,
                    Anchor anchor) {
                double width = textWidth(text, style);
                double left = anchor == Anchor.START ? x : anchor == Anchor.MIDDLE ? x - width / 2 : x - width;
                boolean header = y < LadderPainter.HEADER;
                if (header && (left < -0.5 || left + width > scrolled.width() + 0.5)) {
                    problems.add("\"" + text + "\" cut: " + left + " to " + (left + width) + " in " + scrolled.width());
                }
                if (header && text.equals(text.toUpperCase(Locale.ROOT)) && text.contains("-")) {
                    headerStates[0]++;
                }
                double onScreen = style.size() * scale;
                double wanted = style == TextStyle.FLAGS || style == TextStyle.NUMBERS ? SMALLEST_TEXT : SMALLEST_NOTE;
                if (onScreen < wanted) {
                    problems.add("\"" + text + "\" is " + onScreen + " px");
                }
            }
        }, scrolled);
        assertTrue(problems.isEmpty(), problems.toString());
        assertTrue(headerStates[0] >= 1, "the header shows the lanes' states once scrolled");
    }

    /** A ladder surface that draws nothing and measures text with the fonts the canvas uses. */
    private abstract static class MeasuringSurface implements org.wirelab.core.ladder.draw.Surface {
        private final javafx.scene.text.Text probe = new javafx.scene.text.Text();

        @Override
        public double textWidth(String text, TextStyle style) {
            probe.setFont(javafx.scene.text.Font.font("DejaVu Sans",
                    style.bold() ? javafx.scene.text.FontWeight.BOLD : javafx.scene.text.FontWeight.NORMAL, style.size()));
            probe.setText(text);
            return probe.getLayoutBounds().getWidth();
        }

        @Override
        public void line(double x1, double y1, double x2, double y2, org.wirelab.core.ladder.draw.Rgb colour, double width,
                boolean dashed) {
        }

        @Override
        public void fillRect(double x, double y, double width, double height, org.wirelab.core.ladder.draw.Rgb colour) {
        }

        @Override
        public void strokeRect(double x, double y, double width, double height, org.wirelab.core.ladder.draw.Rgb colour,
                double lineWidth) {
        }

        @Override
        public void fillPolygon(double[] xs, double[] ys, org.wirelab.core.ladder.draw.Rgb colour) {
        }
    }

    private static double fontOf(OsiTreeView tree) {
        return tree.lookupAll(".tree-cell").stream().filter(n -> n instanceof javafx.scene.control.Labeled)
                .mapToDouble(n -> ((javafx.scene.control.Labeled) n).getFont().getSize()).max().orElse(0);
    }
}

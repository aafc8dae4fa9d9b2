package org.wirelab.app.ladder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;
import org.wirelab.app.FxTest;
import org.wirelab.core.analysis.CaptureAnalysis;
import org.wirelab.core.ladder.CaptureLadder;
import org.wirelab.core.ladder.draw.LadderPainter;
import org.wirelab.core.ladder.draw.LadderView;
import org.wirelab.core.pcap.CaptureFiles;
import org.wirelab.core.tcpstate.TcpStates;
import org.wirelab.core.testing.Environment;
import org.wirelab.core.testing.Tshark;

/** The ladder canvas driven like a user: clicking an arrow selects its frame; a selection scrolls into view. */
class LadderCanvasTest extends FxTest {
    private LadderCanvas canvas;

    @Override
    public void start(Stage stage) throws IOException {
        CaptureAnalysis analysis = CaptureAnalysis.of(
                CaptureFiles.read(Environment.samples().resolve("http-get.pcap")).frames());
        canvas = new LadderCanvas();
        canvas.textsProperty().set(LadderCanvas.texts(Locale.ENGLISH));
        canvas.setLadder(CaptureLadder.of(analysis, TcpStates.of(analysis)));
        stage.setScene(new Scene(canvas, 1000, 420));
        stage.show();
    }

    private void clickArrow(int index) {
        LadderView view = canvas.view();
        double[] middle = canvas.painter().arrowMiddle(index, view);
        // Click the arrow's line a little left of its middle, below the label.
        Point2D onScreen = canvas.lookup("#ladder-canvas").localToScreen(middle[0] - 30, middle[1]);
        clickOn(onScreen);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void clickingAnArrowSelectsItsFrame() {
        clickArrow(1);
        assertEquals(2, canvas.selectedFrameProperty().get(), "the SYN-ACK is frame 2");
        clickArrow(0);
        assertEquals(1, canvas.selectedFrameProperty().get());
    }

    @Test
    void hoveringAnArrowShowsItsWholeInfoLineAsTsharkWritesIt() {
        List<String[]> rows = Tshark.fields(Environment.samples().resolve("http-get.pcap"), List.of("_ws.col.Info"));
        String info = rows.get(2)[0];   // frame 2, after the header line: "8080 → 60728 [SYN, ACK] Seq=0 Ack=1 ..."
        String expected = info.substring(info.indexOf('[') + 1).replaceFirst("] ", " ");
        LadderView view = canvas.view();
        double[] middle = canvas.painter().arrowMiddle(1, view);
        moveTo(canvas.lookup("#ladder-canvas").localToScreen(middle[0] - 30, middle[1]));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("2: " + expected, canvas.tooltip().getText());
    }

    @Test
    void exportWritesWhatTheCanvasShowsWithItsRawNumbers() throws IOException {
        Path svg = Files.createTempFile("ladder", ".svg");
        interact(() -> canvas.rawNumbersProperty().set(true));
        interact(() -> {
            try {
                canvas.export(svg, "http-get.pcap");
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        String text = Files.readString(svg);
        List<String[]> rows = Tshark.fields(Environment.samples().resolve("http-get.pcap"),
                List.of("tcp.seq_raw", "tcp.ack_raw"));
        assertTrue(text.contains(">A: 127.0.0.1:60728</text>") && text.contains(">B: 127.0.0.1:8080</text>"), "lanes");
        assertTrue(text.contains(">Seq=" + rows.get(2)[0] + " Ack=" + rows.get(2)[1] + " Len=0 Win=65483</text>"),
                "the SYN-ACK's raw numbers as tshark reads them");
        Files.delete(svg);
    }

    @Test
    void clickingTheTimeColumnSelectsNothing() {
        clickArrow(2);
        Point2D timeColumn = canvas.lookup("#ladder-canvas").localToScreen(20, canvas.painter().arrowMiddle(0,
                canvas.view())[1]);
        clickOn(timeColumn);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(3, canvas.selectedFrameProperty().get(), "a click beside the arrows keeps the selection");
    }

    @Test
    void selectingAFrameBelowTheViewScrollsToIt() throws IOException {
        assertEquals(0, canvas.view().scrollY());
        interact(() -> canvas.selectedFrameProperty().set(12));
        WaitForAsyncUtils.waitForFxEvents();
        LadderView view = canvas.view();
        double y = canvas.painter().arrowMiddle(11, view)[1];
        assertTrue(view.scrollY() > 0, "scrolled down");
        assertTrue(y > LadderPainter.HEADER && y < view.height(), "frame 12's arrow is on screen at y=" + y);
        Path shots = Environment.repositoryRoot().resolve("app/target/screenshots");
        Files.createDirectories(shots);
        WritableImage image = new WritableImage((int) canvas.getWidth(), (int) canvas.getHeight());
        interact(() -> canvas.snapshot(null, image));
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", shots.resolve("ladder-canvas-http-get.png").toFile());
    }

    /** The first {@code count} frames of the bulk transfer, as a live capture shows them while it grows. */
    private static CaptureLadder bulkUpTo(int count) throws IOException {
        org.wirelab.core.frame.FrameStore all = CaptureFiles.read(Environment.samples().resolve("scenarios/tcp-bulk.pcap")).frames();
        org.wirelab.core.frame.FrameStore some = new org.wirelab.core.frame.FrameStore();
        for (int i = 0; i < Math.min(count, all.size()); i++) {
            some.append(all.frame(i));
        }
        CaptureAnalysis analysis = CaptureAnalysis.of(some);
        return CaptureLadder.of(analysis, TcpStates.of(analysis));
    }

    private javafx.scene.control.ScrollBar verticalBar() {
        return canvas.getChildrenUnmodifiable().stream().filter(n -> n instanceof javafx.scene.control.ScrollBar bar
                && bar.getOrientation() == javafx.geometry.Orientation.VERTICAL)
                .map(javafx.scene.control.ScrollBar.class::cast).findFirst().orElseThrow();
    }

    /** A live capture: the newest arrows stay in view as frames arrive, until the person scrolls back. */
    @Test
    void aGrowingCaptureIsFollowedUntilThePersonScrollsBack() throws IOException {
        javafx.scene.control.ScrollBar bar = verticalBar();
        CaptureLadder first = bulkUpTo(3);
        interact(() -> canvas.setLadder(first));
        for (int count : new int[] {6, 40, 80}) {
            CaptureLadder grown = bulkUpTo(count);
            interact(() -> canvas.setLadder(grown));
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertTrue(bar.getMax() > 0, "80 arrows need scrolling");
        assertEquals(bar.getMax(), bar.getValue(), 1e-6, "the newest arrow is in view");
        CaptureLadder shown = (CaptureLadder) canvas.ladderProperty().get();
        double lastY = canvas.painter().contentY(shown.size() - 1, canvas.view());
        assertTrue(lastY >= bar.getValue() && lastY <= bar.getValue() + canvas.view().height() - LadderPainter.HEADER,
                "the last arrow (at " + lastY + ") is in view: " + bar.getValue() + " + " + canvas.view().height());

        interact(() -> bar.setValue(bar.getMax() / 3));
        double keptAt = bar.getValue();
        CaptureLadder more = bulkUpTo(120);
        interact(() -> canvas.setLadder(more));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(keptAt, bar.getValue(), 1e-6, "scrolled back: the view stays where the person put it");
    }

    /** The tooltip names the arrow under the mouse now: after the view scrolls under it, and in a new capture. */
    @Test
    void theTooltipFollowsWhatIsUnderTheMouseNow() throws IOException {
        CaptureLadder bulk = bulkUpTo(120);
        interact(() -> canvas.setLadder(bulk));
        WaitForAsyncUtils.waitForFxEvents();
        double[] middle = canvas.painter().arrowMiddle(3, canvas.view());
        moveTo(canvas.lookup("#ladder-canvas").localToScreen(middle[0] - 30, middle[1]));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(canvas.tooltip().getText().startsWith("4: "), canvas.tooltip().getText());

        javafx.scene.control.ScrollBar bar = verticalBar();
        interact(() -> bar.setValue(LadderPainter.rowHeight(1) * 10));
        WaitForAsyncUtils.waitForFxEvents();
        int under = canvas.painter().frameAt(middle[0] - 30, middle[1], canvas.view());
        assertTrue(under > 4, "another arrow is under the mouse after scrolling: " + under);
        assertTrue(canvas.tooltip().getText().startsWith(under + ": "), canvas.tooltip().getText());

        CaptureAnalysis hello = CaptureAnalysis.of(CaptureFiles.read(Environment.samples().resolve("tcp-hello.pcap")).frames());
        CaptureLadder other = CaptureLadder.of(hello, TcpStates.of(hello));
        interact(() -> canvas.setLadder(other));
        WaitForAsyncUtils.waitForFxEvents();
        int now = canvas.painter().frameAt(middle[0] - 30, middle[1], canvas.view());
        assertEquals(now + ": " + other.arrow(canvas.painter().indexOfFrame(now)).label(), canvas.tooltip().getText(),
                "the new capture's frame, not the old one's");
    }
}

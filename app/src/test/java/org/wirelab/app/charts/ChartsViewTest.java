package org.wirelab.app.charts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.ChoiceBox;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;
import org.wirelab.app.FxTest;
import org.wirelab.charts.ChartKind;
import org.wirelab.core.analysis.CaptureAnalysis;
import org.wirelab.core.pcap.CaptureFiles;
import org.wirelab.core.testing.Environment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The charts node: the chosen chart of the chosen stream, its words following the language. */
class ChartsViewTest extends FxTest {
    private ChartsView view;

    @Override
    public void start(Stage stage) throws IOException {
        view = new ChartsView();
        view.localeProperty().set(Locale.ENGLISH);
        view.analysisProperty().set(CaptureAnalysis.of(
                CaptureFiles.read(Environment.samples().resolve("scenarios/chat.pcap")).frames()));
        stage.setScene(new Scene(view, 1100, 650));
        stage.show();
    }

    @Test
    void choosingAStreamAndAChartRedrawsItInTheChosenLanguage() throws IOException {
        assertTrue(view.chartPane().getChart().chart().getTitle().getText().startsWith("TCP time-sequence graph, stream 0"));
        interact(() -> view.tcpStreamProperty().set(2));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(view.chartPane().getChart().chart().getTitle().getText().contains("stream 2"));
        interact(() -> view.localeProperty().set(Locale.FRENCH));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(view.chartPane().getChart().chart().getTitle().getText().startsWith("Graphe temps-séquence TCP, flux 2"));
        @SuppressWarnings("unchecked")
        ChoiceBox<ChartKind> kind = lookup("#chart-kind").queryAs(ChoiceBox.class);
        interact(() -> view.show(ChartKind.TRAFFIC));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Trafic par conversation", kind.getConverter().toString(kind.getValue()));
        assertTrue(view.chartPane().getChart().chart().getTitle().getText().startsWith("Trafic par conversation"));
        Path shots = Environment.repositoryRoot().resolve("app/target/screenshots");
        Files.createDirectories(shots);
        WritableImage image = new WritableImage((int) view.getWidth(), (int) view.getHeight());
        interact(() -> view.snapshot(null, image));
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", shots.resolve("charts-view-traffic-fr.png").toFile());
        Path exported = shots.resolve("charts-view-export.png");
        view.export(exported);
        assertEquals(1200, ImageIO.read(exported.toFile()).getWidth(), "the chart shown, exported");
    }

    @Test
    void aHiddenViewDrawsItsChartWhenShownOrExported() throws IOException {
        interact(() -> {
            view.showingProperty().set(false);
            view.tcpStreamProperty().set(1);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(view.chartPane().getChart().chart().getTitle().getText().contains("stream 0"), "not redrawn while hidden");
        interact(() -> view.showingProperty().set(true));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(view.chartPane().getChart().chart().getTitle().getText().contains("stream 1"), "drawn when shown");

        interact(() -> {
            view.showingProperty().set(false);
            view.tcpStreamProperty().set(2);
        });
        Path exported = Files.createTempFile("hidden-chart", ".svg");
        interact(() -> {
            try {
                view.export(exported);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertTrue(Files.readString(exported).contains("stream 2"), "the export shows the chart as it is now");
        Files.delete(exported);
    }

    /** A new capture starts empty: the previous capture's stream is no longer drawn. */
    @Test
    void aNewCaptureDropsThePreviousCapturesChart() {
        assertTrue(view.chartPane().getChart() != null);
        interact(() -> view.analysisProperty().set(CaptureAnalysis.of(new org.wirelab.core.frame.FrameStore())));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(null, view.chartPane().getChart(), "no chart of the old stream");
        assertTrue(!view.chartPane().viewer().isVisible(), "and none on screen");
    }
}

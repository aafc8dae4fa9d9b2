package org.wirelab.app.charts;

import java.awt.geom.Rectangle2D;
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
import org.jfree.chart.entity.ChartEntity;
import org.jfree.chart.entity.XYItemEntity;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;
import org.wirelab.app.FxTest;
import org.wirelab.charts.ChartKind;
import org.wirelab.charts.Charts;
import org.wirelab.core.analysis.CaptureAnalysis;
import org.wirelab.core.pcap.CaptureFiles;
import org.wirelab.core.testing.Environment;
import org.wirelab.core.testing.Tshark;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A chart in the window: clicking a round-trip point selects the ACK's frame, as tshark numbers it. */
class ChartPaneTest extends FxTest {
    private ChartPane pane;

    @Override
    public void start(Stage stage) throws IOException {
        CaptureAnalysis analysis = CaptureAnalysis.of(
                CaptureFiles.read(Environment.samples().resolve("http-get.pcap")).frames());
        pane = new ChartPane(Charts.in(Locale.ENGLISH).create(ChartKind.ROUND_TRIP, analysis, 0));
        stage.setScene(new Scene(pane, 1000, 600));
        stage.show();
    }

    /** The frames tshark gives an RTT (tcp.analysis.ack_rtt), in order. */
    private static List<Integer> framesWithRtt() {
        List<String[]> rows = Tshark.fields(Environment.samples().resolve("http-get.pcap"),
                List.of("frame.number", "tcp.analysis.ack_rtt"));
        return rows.subList(1, rows.size()).stream().filter(r -> r.length > 1 && !r[1].isEmpty())
                .map(r -> Integer.parseInt(r[0])).toList();
    }

    @Test
    void clickingAPointSelectsItsFrame() throws IOException {
        WaitForAsyncUtils.waitForFxEvents();
        List<Integer> expected = framesWithRtt();
        for (int item : new int[] {2, 0}) {
            XYItemEntity point = null;
            for (Object o : pane.viewer().getCanvas().getRenderingInfo().getEntityCollection().getEntities()) {
                if (o instanceof XYItemEntity e && e.getSeriesIndex() == 0 && e.getItem() == item) {
                    point = e;
                }
            }
            assertNotNull(point, "point " + item + " is drawn");
            Rectangle2D area = ((ChartEntity) point).getArea().getBounds2D();
            Point2D onScreen = pane.viewer().getCanvas().localToScreen(area.getCenterX(), area.getCenterY());
            clickOn(onScreen);
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(expected.get(item), pane.selectedFrameProperty().get());
        }
        Path shots = Environment.repositoryRoot().resolve("app/target/screenshots");
        Files.createDirectories(shots);
        WritableImage image = new WritableImage((int) pane.getWidth(), (int) pane.getHeight());
        interact(() -> pane.snapshot(null, image));
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", shots.resolve("chart-rtt-selected.png").toFile());
        assertTrue(Files.size(shots.resolve("chart-rtt-selected.png")) > 0);
    }
}

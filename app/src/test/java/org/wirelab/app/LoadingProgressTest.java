package org.wirelab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;
import org.wirelab.core.pcap.CaptureFiles;
import org.wirelab.core.testing.Environment;
import org.wirelab.source.AnalysisStep;
import org.wirelab.source.FileSource;

/**
 * While a long file loads, the status line moves through everything the window waits for: the count of
 * frames read, then each pass of the analysis by its number and name from 0%, then the whole capture. (How often
 * it moves on a million frames is bench/README's AppOpenBenchmark figure, not a test.)
 */
class LoadingProgressTest extends FxTest {
    private MainWindow window;

    @Override
    public void start(Stage stage) {
        window = showMainWindow(stage, Locale.ENGLISH, "wirelab-test-loading-progress", 1440, 900);
    }

    @Test
    void theStatusLineCountsTheFramesThenNamesEachPassOfTheAnalysis() throws Exception {
        Path file = Environment.samples().resolve("http-get.pcap");
        int frames = CaptureFiles.read(file).frames().size();
        Label status = lookup("#status").queryAs(Label.class);
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        interact(() -> status.textProperty().addListener((o, was, now) -> seen.add(now)));

        // Three frames as the first screen: the rest is read, counted and analysed after it, as in a long file.
        interact(() -> window.open(new FileSource(file, 3, Locale.ENGLISH)));
        window.model().awaitSource();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !window.model().loadingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();

        List<String> heard = List.copyOf(seen);
        int counted = heard.indexOf("Loading http-get.pcap… " + frames + " frames so far");
        assertTrue(counted >= 0, "the whole count, before the analysis: " + heard);
        int previous = counted;
        for (AnalysisStep step : AnalysisStep.values()) {
            String said = "http-get.pcap: all " + frames + " frames read; analysing them, step " + step.number() + " of "
                    + AnalysisStep.count() + ": " + window.messages().get("status.step." + step.name()) + "… 0%";
            int at = heard.indexOf(said);
            assertTrue(at > previous, "\"" + said + "\" after the step before: " + heard);
            previous = at;
        }
        assertEquals("http-get.pcap: " + frames + " frames", heard.get(heard.size() - 1), "then the capture, whole");
        assertTrue(heard.indexOf("http-get.pcap: " + frames + " frames") > previous, heard.toString());
    }
}

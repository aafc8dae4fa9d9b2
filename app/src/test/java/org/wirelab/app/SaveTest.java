package org.wirelab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerLight;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;
import org.wirelab.source.Capture;
import org.wirelab.app.capture.CaptureViewModel;
import org.wirelab.app.i18n.Messages;
import org.wirelab.source.FrameSource;
import org.wirelab.source.LiveScenarioSource;
import org.wirelab.source.SimulatedSource;
import org.wirelab.capture.live.CaptureAvailability;
import org.wirelab.core.testing.Environment;
import org.wirelab.core.testing.Tshark;

/** File › Save and Save As: a run saved as pcapng carries its lesson into Wireshark; as pcap, its frames. */
class SaveTest extends FxTest {
    private MainWindow window;

    @TempDir
    Path dir;

    @Override
    public void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        Messages messages = new Messages();
        messages.localeProperty().set(Locale.ENGLISH);
        window = new MainWindow(new CaptureViewModel(Platform::runLater), messages,
                new AppPreferences(Preferences.userRoot().node("wirelab-test-save")));
        window.show(stage);
        stage.setWidth(1440);
        stage.setHeight(900);
    }

    private Capture open(FrameSource source) throws Exception {
        interact(() -> window.open(source));
        window.model().awaitSource();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> !window.model().loadingProperty().get() && window.model().capture().size() > 0);
        WaitForAsyncUtils.waitForFxEvents();
        return window.model().capture();
    }

    @Test
    void aSimulatedRunSavedAsPcapngCarriesEachExplanationAndTheLinkSettings() throws Exception {
        Tshark.require();
        Capture capture = open(new SimulatedSource("tcp-hello", java.time.Duration.ofMillis(10), 0, 7).dropping(4));
        Path file = dir.resolve("hello.pcapng");
        saveAndWait(file);

        List<String[]> rows = Tshark.fields(file, List.of("frame.number", "frame.comment"));
        assertEquals(capture.size() + 1, rows.size(), "every frame is in the file");
        for (int i = 0; i < capture.size(); i++) {
            assertEquals(capture.explainer().explain(i, Locale.ENGLISH).text(), rows.get(i + 1)[1], "frame " + (i + 1));
        }
        String info = run("capinfos", file.toString());
        assertTrue(info.contains("Capture comment:     wirelab, simulated: tcp-hello, frame 4 lost on purpose: "), info);
        assertTrue(info.contains("Simulated link: delay 10 ms, jitter 0 ms, loss 0 %, duplication 0 %, reordering 0 %, "
                + "bandwidth 0 bit/s (0: unlimited), queue 0 packets (0: unlimited), seed 7."), "capinfos said: " + info);
        String status = lookup("#status").queryAs(Label.class).getText();
        assertTrue(status.contains("Saved " + file + ": " + capture.size() + " frames, with each frame’s explanation as a comment."),
                status);

        Path pcap = dir.resolve("hello.pcap");
        saveAndWait(pcap);
        List<String[]> frames = Tshark.fields(pcap, List.of("frame.number", "tcp.flags"));
        assertEquals(capture.size() + 1, frames.size());
        String pcapInfo = run("capinfos", pcap.toString());
        assertTrue(pcapInfo.contains("File type:           Wireshark/tcpdump/... - nanosecond pcap"), pcapInfo);
    }

    @Test
    void inAFrenchWindowTheCommentsAreFrench() throws Exception {
        Tshark.require();
        interact(() -> window.messages().localeProperty().set(Locale.FRENCH));
        Capture capture = open(SimulatedSource.standard("lost-data"));
        Path file = dir.resolve("perte.pcapng");
        saveAndWait(file);
        List<String[]> rows = Tshark.fields(file, List.of("frame.number", "frame.comment"));
        assertEquals(capture.explainer().explain(0, Locale.FRENCH).text(), rows.get(1)[1]);
        assertTrue(run("capinfos", file.toString()).contains("Lien simulé : délai "));
    }

    @Test
    void aLiveCaptureIsSavedToo() throws Exception {
        Tshark.require();
        CaptureAvailability.check().ifPresent(problem -> Environment.missing(problem.message()));
        Capture capture = open(new LiveScenarioSource("udp-echo"));
        Path file = dir.resolve("echo.pcapng");
        saveAndWait(file);
        List<String[]> rows = Tshark.fields(file, List.of("udp.length", "frame.comment"));
        assertEquals(capture.size() + 1, rows.size());
        assertEquals(capture.explainer().explain(0, Locale.ENGLISH).text(), rows.get(1)[1]);
        assertTrue(run("capinfos", file.toString()).contains("Captured live on the loopback (lo)"));
    }

    /** Saves on the save's own thread and waits until the status line has said how it went. */
    private void saveAndWait(Path file) throws Exception {
        java.util.concurrent.atomic.AtomicReference<java.util.concurrent.CompletableFuture<Void>> said =
                new java.util.concurrent.atomic.AtomicReference<>();
        interact(() -> said.set(window.save(file)));
        said.get().get(60, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * A long capture is saved off the FX thread: the window is free while the explanations are written,
     * the status line shows the save's progress, and then what was written.
     */
    @Test
    void aLongCaptureIsSavedInTheBackgroundWithItsProgress() throws Exception {
        Tshark.require();
        Path big = dir.resolve("long.pcap");
        org.wirelab.bench.LoopbackTrafficGenerator.write(big, 3000, 7);
        Capture capture = open(new org.wirelab.source.FileSource(big));
        Path file = dir.resolve("long.pcapng");
        List<Double> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        javafx.scene.control.ProgressBar bar = lookup("#save-progress").queryAs(javafx.scene.control.ProgressBar.class);
        bar.progressProperty().addListener((o, was, now) -> seen.add(now.doubleValue()));
        java.util.concurrent.atomic.AtomicReference<java.util.concurrent.CompletableFuture<Void>> said =
                new java.util.concurrent.atomic.AtomicReference<>();
        interact(() -> {
            said.set(window.save(file));
            // Back on the FX thread at once: the file is written elsewhere, its end cannot have been said.
            assertTrue(!said.get().isDone(), "save returned before the file was written");
            assertTrue(bar.isVisible(), "the save's progress is shown");
            String status = lookup("#status").queryAs(Label.class).getText();
            assertTrue(status.contains("Saving long.pcapng…"), status);
        });
        said.get().get(60, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(!bar.isVisible(), "done: the progress goes away");
        assertTrue(seen.size() >= 10 && seen.get(seen.size() - 1) == 1.0, "progress moved to the end: " + seen);
        assertEquals(capture.size() + 1, Tshark.fields(file, List.of("frame.number")).size(), "every frame is in the file");
        String status = lookup("#status").queryAs(Label.class).getText();
        assertTrue(status.contains("Saved " + file + ": 3,000 frames"), status);
    }

    @Test
    void theFileMenuOffersSaveAndSaveAsWithTheirKeys() {
        MenuBar bar = lookup("#menu-bar").queryAs(MenuBar.class);
        List<MenuItem> file = bar.getMenus().get(0).getItems();
        MenuItem save = file.stream().filter(i -> "menu-save".equals(i.getId())).findFirst().orElseThrow();
        MenuItem saveAs = file.stream().filter(i -> "menu-save-as".equals(i.getId())).findFirst().orElseThrow();
        assertEquals("Save", save.getText());
        assertEquals("Save As…", saveAs.getText());
        assertEquals("Shortcut+S", save.getAccelerator().getName());
        assertEquals("Shift+Shortcut+S", saveAs.getAccelerator().getName());
    }

    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        return text;
    }
}

package org.wirelab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;
import org.wirelab.source.FileSource;
import org.wirelab.core.frame.FrameStore;
import org.wirelab.core.pcap.CaptureFiles;
import org.wirelab.core.pcap.PcapWriter;
import org.wirelab.core.testing.Environment;

/**
 * A French window says what went wrong with a file in French, and writes its numbers as French does
 * (1 234, not 1,234 nor 1234): the status line of a class that reads French.
 */
class FrenchStatusTest extends FxTest {
    private static final NumberFormat FRENCH = NumberFormat.getIntegerInstance(Locale.FRENCH);

    @TempDir
    Path dir;

    private MainWindow window;

    @Override
    public void start(Stage stage) {
        window = showMainWindow(stage, Locale.FRENCH, "wirelab-test-french-status", 1440, 900);
    }

    @Test
    void aCutFileIsWarnedInFrenchWithFrenchNumbers() throws Exception {
        Path whole = longCapture(1500);
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = dir.resolve("coupé.pcap");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length - 30));

        String status = open(cut);

        int kept = window.model().capture().size();
        assertEquals(1499, kept, "every frame before the cut is kept");
        int lastCaptured = hello().capturedLength(1499 % hello().size());
        long lastStart = bytes.length - 16 - lastCaptured; // its 16-byte record header, then its bytes
        assertTrue(status.startsWith("coupé.pcap : " + FRENCH.format(kept) + " trames"), status);
        assertTrue(status.contains("Attention : coupé.pcap : le fichier s’arrête au milieu de la trame "
                + FRENCH.format(1500) + ", à l’octet " + FRENCH.format(lastStart) + " : " + (lastCaptured - 30)
                + " octets de données sur " + lastCaptured), status);
        assertFalse(status.contains("file ends") || status.contains("Warning"), status);
    }

    @Test
    void aFileThatIsNoCaptureIsRefusedInFrench() throws Exception {
        Path notes = dir.resolve("notes.pcap");
        Files.writeString(notes, "ceci n’est pas une capture, juste des notes de cours\n");

        String status = open(notes);

        assertTrue(status.contains("Arrêt : notes.pcap : ce n’est pas un fichier de capture : il devrait commencer par"), status);
        assertFalse(status.contains("not a capture"), status);
    }

    @Test
    void aMissingFileIsSaidInFrench() throws Exception {
        Path missing = dir.resolve("absent.pcap");

        String status = open(missing);

        assertTrue(status.contains("Arrêt : " + missing + " : fichier introuvable"), status);
    }

    @Test
    void switchingToEnglishRelabelsTheCountAsEnglishWritesIt() throws Exception {
        open(longCapture(1500));
        interact(() -> window.messages().localeProperty().set(Locale.ENGLISH));
        String status = lookup("#status").queryAs(Label.class).getText();
        assertTrue(status.contains("1,500 frames"), status);
    }

    private String open(Path file) throws Exception {
        interact(() -> window.open(new FileSource(file, window.messages().locale())));
        window.model().awaitSource();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !window.model().loadingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        return lookup("#status").queryAs(Label.class).getText();
    }

    /** tcp-hello's frames repeated up to {@code count}: a file long enough for thousands. */
    private Path longCapture(int count) throws Exception {
        FrameStore hello = hello();
        Path file = dir.resolve("long-" + count + ".pcap");
        try (PcapWriter writer = PcapWriter.create(file, hello.linkType(0))) {
            for (int i = 0; i < count; i++) {
                int k = i % hello.size();
                writer.append(hello.timestampNanos(k) + i * 1000L, hello.linkType(k), hello.buffer(k), hello.offset(k),
                        hello.capturedLength(k), hello.originalLength(k));
            }
        }
        return file;
    }

    private static FrameStore hello() throws Exception {
        return CaptureFiles.read(Environment.samples().resolve("tcp-hello.pcap")).frames();
    }
}

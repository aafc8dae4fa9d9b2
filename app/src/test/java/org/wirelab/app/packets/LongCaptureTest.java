package org.wirelab.app.packets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.wirelab.app.FxTest;
import org.wirelab.app.capture.CaptureViewModel;
import org.wirelab.app.i18n.Messages;
import org.wirelab.bench.LoopbackTrafficGenerator;
import org.wirelab.source.FileSource;

/**
 * Base of the packet list's tests: a generated capture longer than a screen ({@link #FRAMES} frames of
 * loopback traffic), opened in an English packet list before each test. A test class says how the list is
 * shown ({@link #content}) and what its scene measures.
 */
abstract class LongCaptureTest extends FxTest {
    static final int FRAMES = 3000;
    static Path file;
    CaptureViewModel model;
    PacketListView list;
    Messages messages;

    @BeforeAll
    static void generate() throws Exception {
        file = Files.createTempFile("packet-list", ".pcap");
        LoopbackTrafficGenerator.write(file, FRAMES, 7);
    }

    @AfterAll
    static void delete() throws Exception {
        Files.deleteIfExists(file);
    }

    @Override
    public void start(Stage stage) {
        messages = themedMessages(Locale.ENGLISH);
        model = new CaptureViewModel(Platform::runLater);
        list = new PacketListView(model, messages);
        stage.setScene(new Scene(content(), 900, height()));
        stage.show();
    }

    /** What the stage shows: the list, or the list with what the test puts around it. */
    abstract Parent content();

    /** The scene's height in pixels (its width is 900). */
    abstract double height();

    @BeforeEach
    void openTheCapture() throws Exception {
        openAndWait(model, new FileSource(file));
    }
}

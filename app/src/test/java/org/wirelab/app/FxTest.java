package org.wirelab.app;

import atlantafx.base.theme.PrimerLight;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;
import org.wirelab.app.capture.CaptureViewModel;
import org.wirelab.app.i18n.Messages;
import org.wirelab.core.testing.Environment;
import org.wirelab.source.FrameSource;

/**
 * Base of the UI tests: starts the JavaFX toolkit once (headless through Monocle under Maven) and,
 * when it cannot start (no fonts, no native libraries), skips locally and fails in CI.
 */
public abstract class FxTest extends ApplicationTest {

    @BeforeAll
    public static void startToolkit() {
        try {
            FxToolkit.registerPrimaryStage();
        } catch (Throwable cannotStart) {
            Environment.missing("the JavaFX toolkit cannot start here (" + cannotStart + ")");
        }
    }

    /**
     * The main window as the app opens it, in {@code language}, remembering its layout in a preferences
     * node of the test's own, emptied first so that no earlier run's layout is restored.
     */
    protected static MainWindow showMainWindow(Stage stage, Locale language, String preferencesNode) {
        Messages messages = themedMessages(language);
        Preferences remembered = Preferences.userRoot().node(preferencesNode);
        try {
            remembered.clear();
        } catch (BackingStoreException e) {
            throw new IllegalStateException(e);
        }
        MainWindow window = new MainWindow(new CaptureViewModel(Platform::runLater), messages, new AppPreferences(remembered));
        window.show(stage);
        return window;
    }

    /**
     * The set-up the window's tests share: {@link #showMainWindow(Stage, Locale, String)} at the screen's top
     * left corner, {@code width} x {@code height} (a 1024x768 projector, a 1440x900 laptop).
     */
    protected static MainWindow showMainWindow(Stage stage, Locale language, String preferencesNode, int width,
            int height) {
        MainWindow window = showMainWindow(stage, language, preferencesNode);
        stage.setX(0);
        stage.setY(0);
        stage.setWidth(width);
        stage.setHeight(height);
        return window;
    }

    /** The app's theme on, and the words of {@code language}: what every view under test is made with. */
    protected static Messages themedMessages(Locale language) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        Messages messages = new Messages();
        messages.localeProperty().set(language);
        return messages;
    }

    /** Opens {@code source} in {@code model} and waits until it is read whole and every view has followed. */
    protected void openAndWait(CaptureViewModel model, FrameSource source) throws Exception {
        interact(() -> model.open(source));
        model.awaitSource();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !model.loadingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Opens {@code source} in the window as File › Open does, and waits until it is read whole and shown. */
    protected void openAndWait(MainWindow window, FrameSource source) throws Exception {
        interact(() -> window.open(source));
        window.model().awaitSource();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !window.model().loadingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Writes what {@code scene} shows now to app/target/screenshots/{@code name} (to be looked at), and returns it. */
    protected Path screenshot(Scene scene, String name) throws IOException {
        WaitForAsyncUtils.waitForFxEvents();
        Path out = Environment.repositoryRoot().resolve("app/target/screenshots/" + name);
        Files.createDirectories(out.getParent());
        AtomicReference<WritableImage> image = new AtomicReference<>();
        interact(() -> image.set(scene.snapshot(null)));
        ImageIO.write(SwingFXUtils.fromFXImage(image.get(), null), "png", out.toFile());
        return out;
    }

    /** Opens the sample capture {@code name} (samples/) in the window and waits until it is shown. */
    protected void openSample(MainWindow window, String name) throws Exception {
        openAndWait(window, new org.wirelab.source.FileSource(Environment.samples().resolve(name)));
    }
}

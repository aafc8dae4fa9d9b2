package org.wirelab.app;

import atlantafx.base.theme.PrimerLight;
import java.util.Locale;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationTest;
import org.wirelab.app.capture.CaptureViewModel;
import org.wirelab.app.i18n.Messages;
import org.wirelab.core.testing.Environment;

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
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        Messages messages = new Messages();
        messages.localeProperty().set(language);
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
}

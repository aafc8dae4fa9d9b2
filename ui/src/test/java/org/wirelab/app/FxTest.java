package org.wirelab.app;

import org.junit.jupiter.api.BeforeAll;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationTest;
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
}

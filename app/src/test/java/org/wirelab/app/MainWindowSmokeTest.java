package org.wirelab.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.stage.Stage;
import org.junit.jupiter.api.Test;

class MainWindowSmokeTest extends FxTest {

    @Override
    public void start(Stage stage) {
        new WirelabApp().start(stage);
    }

    @Test
    void theMainWindowOpensHeadless() {
        assertTrue(lookup("#main-window").tryQuery().isPresent());
    }
}

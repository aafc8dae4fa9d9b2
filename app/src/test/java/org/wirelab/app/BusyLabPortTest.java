package org.wirelab.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;
import org.wirelab.capture.live.CaptureAvailability;
import org.wirelab.core.testing.Environment;
import org.wirelab.core.testing.HeldPort;

/** A student's server on the lab's port: Live › tcp-hello moves to a free port and says so in the window's language. */
class BusyLabPortTest extends FxTest {
    private MainWindow window;

    @Override
    public void start(Stage stage) {
        window = showMainWindow(stage, Locale.FRENCH, "wirelab-test-busy", 1440, 900);
    }

    @Test
    void liveTcpHelloMovesOffATakenPortAndSaysSo() throws Exception {
        CaptureAvailability.check().ifPresent(problem -> Environment.missing(problem.message()));
        try (HeldPort student = HeldPort.tcp(3000)) {
            MenuBar bar = lookup("#menu-bar").queryAs(MenuBar.class);
            Menu live = bar.getMenus().get(1);
            MenuItem hello = live.getItems().stream()
                    .filter(item -> item.getText() != null && item.getText().startsWith("Capturer en direct : tcp-hello"))
                    .findFirst().orElseThrow(() -> new AssertionError(live.getItems().stream().map(MenuItem::getText).toList()));
            interact(hello::fire);
            window.model().awaitSource();
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !window.model().loadingProperty().get());
            WaitForAsyncUtils.waitForFxEvents();
            String status = lookup("#status").queryAs(Label.class).getText();
            assertTrue(status.matches("en direct : tcp-hello : \\d+ trames  Attention : le port 3000 est déjà occupé par un "
                    + "autre programme : tcp-hello passe donc sur le port \\d+"), status);
            assertTrue(window.model().capture().size() >= 8, "the whole exchange was captured: " + status);
        }
    }
}

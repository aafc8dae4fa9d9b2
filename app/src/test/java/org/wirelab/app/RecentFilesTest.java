package org.wirelab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;
import org.wirelab.source.FileSource;
import org.wirelab.core.testing.Environment;

/** Open recent lists every file opened, /tmp's too; a bundled sample's temporary copy is not one. */
class RecentFilesTest extends FxTest {
    private MainWindow window;

    @TempDir
    Path dir;

    @Override
    public void start(Stage stage) {
        window = showMainWindow(stage, Locale.ENGLISH, "wirelab-test-recent");
    }

    @Test
    void aFileOpenedFromTmpIsRecentAndASampleIsNot() throws Exception {
        Path inTmp = Files.copy(Environment.samples().resolve("udp-echo.pcap"), dir.resolve("echo.pcap"));
        assertEquals(Path.of(System.getProperty("java.io.tmpdir")).toRealPath(), dir.toRealPath().getParent(),
                "the file really is in the temporary directory");
        interact(() -> window.open(new FileSource(inTmp)));
        window.model().awaitSource();
        WaitForAsyncUtils.waitForFxEvents();

        Menu file = lookup("#menu-bar").queryAs(MenuBar.class).getMenus().get(0);
        Menu recent = (Menu) file.getItems().get(1);
        assertEquals(List.of(inTmp.toString()), recent.getItems().stream().map(MenuItem::getText).toList());

        Menu samples = (Menu) file.getItems().stream().filter(i -> "menu-samples".equals(i.getId())).findFirst().orElseThrow();
        interact(() -> samples.getItems().get(0).fire());
        window.model().awaitSource();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> window.model().capture().title().equals("tcp-hello.pcap"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(inTmp.toString()), recent.getItems().stream().map(MenuItem::getText).toList(),
                "the sample's temporary copy is not a recent file");
    }
}

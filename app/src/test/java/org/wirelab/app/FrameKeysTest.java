package org.wirelab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;
import org.wirelab.app.packets.PacketListView;

/**
 * The frame keys (← → step, ↑ ↓ select) wherever the focus is, except in a text field and in the tree:
 * a clicked tab header or a button left focused by predict mode never turns them into tab switches.
 */
class FrameKeysTest extends FxTest {
    private MainWindow window;

    @Override
    public void start(Stage stage) {
        window = showMainWindow(stage, Locale.ENGLISH, "wirelab-test-keys", 1440, 900);
    }

    @Test
    void afterClickingATabHeaderTheArrowsMoveThroughFramesNotTabs() throws Exception {
        openSample(window, "tcp-hello.pcap");
        TabPane lists = lookup("#lists").queryAs(TabPane.class);
        clickOn("Conversations");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, lists.getSelectionModel().getSelectedIndex());

        type(KeyCode.RIGHT);
        type(KeyCode.RIGHT);
        assertEquals(1, lists.getSelectionModel().getSelectedIndex(), "→ on a tab header does not change tab");
        assertEquals(2, window.model().revealedProperty().get(), "→ steps playback");
        type(KeyCode.LEFT);
        assertEquals(1, window.model().revealedProperty().get(), "← steps back");
        assertEquals(1, lists.getSelectionModel().getSelectedIndex());

        clickOn("Packets");
        interact(window.playback()::showAll);
        PacketListView packets = lookup("#packet-list").queryAs(PacketListView.class);
        clickOn(packets.localToScreen(packets.columnEdge(0).getX() + 20, 40));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(packets.isFocused(), "a click on a row takes the focus, not " + packets.getScene().getFocusOwner());
        int selected = window.model().selectedFrameProperty().get();
        assertTrue(selected > 0);
        clickOn("Charts");
        type(KeyCode.DOWN);
        assertEquals(2, lists.getSelectionModel().getSelectedIndex(), "↓ on a tab header does not change tab");
        assertEquals(selected + 1, window.model().selectedFrameProperty().get(), "↓ selects the next frame");
        type(KeyCode.UP);
        assertEquals(selected, window.model().selectedFrameProperty().get(), "↑ selects the previous frame");

        clickOn("#ladder-canvas");
        assertTrue(packets.getScene().getFocusOwner() instanceof org.wirelab.app.ladder.LadderCanvas,
                "a click on the ladder takes the focus, not " + packets.getScene().getFocusOwner());
        int before = window.model().selectedFrameProperty().get();
        type(KeyCode.DOWN);
        assertEquals(before + 1, window.model().selectedFrameProperty().get(), "↓ on the ladder selects the next frame");
    }

    @Test
    void inPredictModeAdvanceNeverJumpsToAnotherTab() throws Exception {
        openSample(window, "tcp-hello.pcap");
        TabPane main = lookup("#main-tabs").queryAs(TabPane.class);
        clickOn("#playback-predict");
        clickOn("#playback-forward");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, window.playback().maskedFrameProperty().get());
        clickOn("#predict-syn");
        clickOn("#predict-reveal");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, window.playback().maskedFrameProperty().get());

        type(KeyCode.RIGHT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, main.getSelectionModel().getSelectedIndex(), "→ stays on the capture");
        assertEquals(2, window.playback().maskedFrameProperty().get(), "→ masks the next segment for a guess");
        clickOn("#predict-reveal");
        type(KeyCode.RIGHT);
        assertEquals(0, main.getSelectionModel().getSelectedIndex(), "→ stays on the capture");
        assertEquals(3, window.playback().maskedFrameProperty().get());
    }
}

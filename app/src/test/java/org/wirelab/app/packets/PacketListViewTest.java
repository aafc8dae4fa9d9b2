package org.wirelab.app.packets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.VerticalDirection;
import javafx.scene.Parent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;
import org.wirelab.core.testing.Tshark;

/** The packet list, driven headless on a capture longer than a screen: click, keys, wheel, filter. */
class PacketListViewTest extends LongCaptureTest {
    @Override
    Parent content() {
        return list;
    }

    @Override
    double height() {
        return 400;
    }

    private boolean onScreen(int position) {
        return list.rowCentre(position) != null;
    }

    @Test
    void listsEveryFrameAndClickingARowSelectsItsFrame() {
        assertEquals(FRAMES, list.shownCount());
        clickOn(list.localToScreen(list.rowCentre(2)));
        assertEquals(3, model.selectedFrameProperty().get());
        assertEquals(List.of("No.", "Time", "Source", "Destination", "Protocol", "Length", "Info"), list.columnTitles());
    }

    @Test
    void keysMoveTheSelectionAndKeepItsRowOnScreen() {
        clickOn(list.localToScreen(list.rowCentre(0)));
        type(KeyCode.DOWN);
        assertEquals(2, model.selectedFrameProperty().get());
        type(KeyCode.END);
        assertEquals(FRAMES, model.selectedFrameProperty().get());
        assertTrue(onScreen(FRAMES - 1), "the last row is shown, from row " + list.firstVisibleRow());
        type(KeyCode.HOME);
        assertEquals(1, model.selectedFrameProperty().get());
        assertEquals(0, list.firstVisibleRow());
        type(KeyCode.PAGE_DOWN);
        int page = model.selectedFrameProperty().get() - 1;
        assertTrue(page > 5 && onScreen(page - 1), "a page down moves a screen's rows: " + page);
    }

    @Test
    void aFrameSelectedElsewhereIsScrolledIntoView() {
        interact(() -> model.select(2500));
        assertTrue(onScreen(2499), "row 2500 is shown, from row " + list.firstVisibleRow());
    }

    /** Five notches of the wheel, one line each under Monocle, scroll five rows. */
    @Test
    void theWheelScrollsALineANotch() {
        interact(() -> list.scrollTo(1000));
        moveTo(list);
        scroll(5, VerticalDirection.DOWN);
        // Which way TestFX's DOWN turns the wheel depends on the platform; how far does not.
        assertEquals(5, Math.abs(list.firstVisibleRow() - 1000), "scrolled to row " + list.firstVisibleRow());
    }

    @Test
    void aStreamFilterKeepsTheFramesTsharkPutsInThatStream() throws Exception {
        Tshark.require();
        long inStreamThree = Tshark.fields(file, List.of("tcp.stream")).stream().skip(1)
                .filter(row -> row.length > 0 && row[0].equals("3")).count();
        interact(() -> list.setFilter(new PacketFilter(3, "", "", Integer.MAX_VALUE)));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> list.shownCount() == inStreamThree);
        assertTrue(inStreamThree > 2 && inStreamThree < FRAMES, "stream 3 has " + inStreamThree + " frames");
    }

    @Test
    void draggingAHeadersEdgeResizesItsColumnAndInfoTakesTheRest() {
        List<Double> before = list.columnWidths();
        drag(list.localToScreen(list.columnEdge(2)), MouseButton.PRIMARY).moveBy(50, 0).release(MouseButton.PRIMARY);
        List<Double> after = list.columnWidths();
        assertEquals(before.get(2) + 50, after.get(2), 1, "Source, dragged 50 pixels wider");
        assertEquals(before.get(6) - 50, after.get(6), 1, "Info gives the room");
        assertEquals(before.get(3), after.get(3), "Destination keeps its width");
    }

    @Test
    void aScreenReaderHearsTheSelectedRowInWords() {
        Tshark.require();
        clickOn(list.localToScreen(list.rowCentre(1)));
        WaitForAsyncUtils.waitForFxEvents();
        String words = list.getAccessibleText();
        assertTrue(words.startsWith("Packet list, frame 2 of " + FRAMES + ": "), words);
        String tsharkInfo = Tshark.fields(file, List.of("frame.number", "_ws.col.Protocol"), List.of("-Y", "frame.number == 2"))
                .get(1)[1];
        assertTrue(words.contains("  " + tsharkInfo + "  "), "the protocol tshark names, " + tsharkInfo + ": " + words);
        assertTrue(list.getAccessibleHelp().contains("Page Up"), list.getAccessibleHelp());
    }
}

package org.wirelab.app.packets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Parent;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;
import org.wirelab.core.filter.DisplayFilter;

/**
 * A filter over a long capture runs in the background with its progress beside the filter box and a
 * Stop button: the window stays usable, and a stopped filter gives the list back to the one before.
 * The filter's thread is held by the test, so what the box shows while it runs is looked at, not raced.
 */
class FilterProgressTest extends LongCaptureTest {
    private TextField text;
    private FilterBox box;
    private final List<Runnable> held = new ArrayList<>();

    @Override
    Parent content() {
        text = new TextField();
        text.setId("filter-text");
        box = new FilterBox(text, list, messages);
        return new VBox(box, list);
    }

    @Override
    double height() {
        return 500;
    }

    /** The filters' threads are held by the test (after the capture is opened, by the base class). */
    @BeforeEach
    void holdTheFilters() {
        list.filterThreads(held::add);
        interact(() -> box.mode().setValue(FilterBox.Mode.DISPLAY_FILTER));
    }

    @Test
    void aRunningFilterShowsItsProgressThenItsFrames() throws Exception {
        interact(() -> text.setText("tcp.len > 0"));
        assertFalse(held.isEmpty(), "the filter waits for its thread");
        assertTrue(lookup("#filter-progress").query().isVisible() && lookup("#filter-cancel").query().isVisible(),
                "progress and Stop are shown while it runs");
        assertEquals(FRAMES, list.shownCount(), "meanwhile the list shows what it showed");

        List<Double> seen = new ArrayList<>();
        interact(() -> list.filterProgressProperty().addListener((o, was, now) -> seen.add(now.doubleValue())));
        runLatest();

        int expected = new PacketFilter(-1, "", "", Integer.MAX_VALUE, DisplayFilter.compile("tcp.len > 0"))
                .apply(model.capture(), new PacketRows(model.capture()), () -> false).length;
        assertTrue(expected > 0 && expected < FRAMES, "a filter that keeps some: " + expected);
        assertEquals(expected, list.shownCount());
        assertTrue(seen.size() >= 10, "progress moved: " + seen);
        for (int i = 1; i < seen.size(); i++) {
            assertTrue(seen.get(i) > seen.get(i - 1), "progress only goes forward: " + seen);
        }
        assertEquals(1.0, seen.get(seen.size() - 1), 1e-9);
        assertFalse(lookup("#filter-progress").query().isVisible(), "done: the progress goes away");
    }

    @Test
    void stoppingAFilterKeepsThePreviousFramesAndFilter() throws Exception {
        interact(() -> text.setText("udp"));
        runLatest();
        assertFalse(list.filteringProperty().get());
        int udp = list.shownCount();
        assertTrue(udp > 0 && udp < FRAMES, "udp frames: " + udp);
        PacketFilter udpFilter = list.filter();

        interact(() -> text.setText("tcp"));
        assertTrue(list.filteringProperty().get());
        // The button has just become visible: let a pulse lay it out before the mouse aims at it.
        WaitForAsyncUtils.waitForFxEvents();
        clickOn("#filter-cancel");

        assertFalse(list.filteringProperty().get());
        assertFalse(lookup("#filter-cancel").query().isVisible());
        assertEquals(udpFilter, list.filter(), "the filter before is back");
        assertEquals("Filter stopped: the list shows the frames of the filter before it.", text.getTooltip().getText());
        // The stopped filter's thread finds out it was stopped and changes nothing.
        runLatest();
        assertEquals(udp, list.shownCount());
        assertEquals(udpFilter, list.filter());
    }

    /**
     * Runs the filter started last on a thread of its own, as the list would have, and waits for it and
     * for what it hands to the FX thread; the ones before it were replaced and are dropped.
     */
    private void runLatest() throws Exception {
        Thread filtering = new Thread(held.get(held.size() - 1));
        held.clear();
        filtering.start();
        filtering.join(TimeUnit.SECONDS.toMillis(120));
        assertFalse(filtering.isAlive(), "the filter ends");
        WaitForAsyncUtils.waitForFxEvents();
    }
}

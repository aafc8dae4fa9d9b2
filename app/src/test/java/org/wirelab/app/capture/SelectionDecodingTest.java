package org.wirelab.app.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wirelab.bench.LoopbackTrafficGenerator;
import org.wirelab.core.decode.DecodedFrame;
import org.wirelab.core.decode.Layer;
import org.wirelab.source.FileSource;

/**
 * A large capture's frames are decoded off the UI thread until its trees are prepared: the panes follow the
 * latest selection only, with the same tree as a frame decoded at once, and once the trees are prepared a
 * selection is decoded at once. The decoder's thread is a queue the test runs, so nothing depends on timing.
 */
class SelectionDecodingTest {
    /** Loopback traffic with HTTP exchanges, whose trees need the whole capture (messages, reassembly). */
    private static Path file;
    private static final int FRAMES = 2000;

    @BeforeAll
    static void generate() throws Exception {
        file = Files.createTempFile("selection-decoding", ".pcap");
        LoopbackTrafficGenerator.write(file, FRAMES, 3);
    }

    @AfterAll
    static void delete() throws Exception {
        Files.deleteIfExists(file);
    }

    /** The decoder's thread, run by hand. */
    private static final class Queued implements Executor {
        final Queue<Runnable> tasks = new ArrayDeque<>();

        @Override
        public void execute(Runnable task) {
            tasks.add(task);
        }

        void runAll() {
            while (!tasks.isEmpty()) {
                tasks.poll().run();
            }
        }
    }

    private static CaptureViewModel opened(Executor decoder, int preparedApartAbove) throws InterruptedException {
        CaptureViewModel model = new CaptureViewModel(Runnable::run, decoder, preparedApartAbove);
        model.open(new FileSource(file));
        model.awaitSource();
        assertEquals(FRAMES, model.capture().size());
        assertTrue(model.capture().complete());
        return model;
    }

    /** What the panes show of a frame: each layer's title and its fields' text, in order. */
    private static List<String> shown(DecodedFrame frame) {
        List<String> lines = new ArrayList<>();
        lines.add("frame " + frame.number());
        for (Layer layer : frame.layers()) {
            lines.add(layer.title());
            layer.fields().forEach(top -> top.forEach(field -> lines.add("  " + field.label())));
        }
        return lines;
    }

    /** The HTTP response frames of the capture: their trees need the whole capture's messages. */
    private static List<Integer> httpFrames(CaptureViewModel model) {
        List<Integer> frames = new ArrayList<>();
        for (int number = 1; number <= FRAMES && frames.size() < 3; number++) {
            if (model.capture().tree().frame(number - 1).layers().stream().anyMatch(l -> l.protocol().equals("HTTP"))) {
                frames.add(number);
            }
        }
        return frames;
    }

    @Test
    void beforeTheTreesArePreparedThePanesFollowTheLatestSelectionOnly() throws Exception {
        Queued decoder = new Queued();
        CaptureViewModel model = opened(decoder, FRAMES - 1);
        CaptureViewModel atOnce = opened(Runnable::run, Integer.MAX_VALUE);
        List<Integer> http = httpFrames(atOnce);
        assertEquals(3, http.size(), "the generated traffic has HTTP messages");
        List<Integer> told = new ArrayList<>();
        model.decodedFrameProperty().addListener((o, was, frame) -> told.add(frame == null ? 0 : frame.number()));

        model.select(http.get(0));
        model.select(http.get(1));
        assertNull(model.decodedFrameProperty().get(), "not decoded on the UI thread while the trees are not ready");
        assertTrue(!model.selectionShown());
        assertTrue(model.decodingProperty().get(), "the window says the frame is on its way");
        decoder.runAll();   // the trees prepared, then the two selections' turns
        assertEquals(List.of(http.get(1)), told, "only the latest selection reaches the panes");
        assertTrue(model.selectionShown());
        assertTrue(!model.decodingProperty().get());
        atOnce.select(http.get(1));
        assertEquals(shown(atOnce.decodedFrameProperty().get()), shown(model.decodedFrameProperty().get()),
                "the same tree as a frame decoded at once");

        // The trees are prepared: a selection is decoded at once, nothing left for the decoder's thread.
        model.select(http.get(2));
        assertTrue(decoder.tasks.isEmpty());
        assertTrue(model.selectionShown());
        atOnce.select(http.get(2));
        assertEquals(shown(atOnce.decodedFrameProperty().get()), shown(model.decodedFrameProperty().get()));
    }

    @Test
    void aSmallCaptureIsDecodedAtOnce() throws Exception {
        Queued decoder = new Queued();
        CaptureViewModel model = opened(decoder, FRAMES);
        model.select(5);
        assertTrue(decoder.tasks.isEmpty(), "nothing prepared apart for a capture this small");
        assertEquals(5, model.decodedFrameProperty().get().number());
        model.select(0);
        assertNull(model.decodedFrameProperty().get());
        assertTrue(model.selectionShown());
    }
}

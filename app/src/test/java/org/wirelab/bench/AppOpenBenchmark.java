package org.wirelab.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.input.ScrollEvent;
import javafx.stage.Stage;
import org.wirelab.app.AppPreferences;
import org.wirelab.app.MainWindow;
import org.wirelab.app.capture.CaptureViewModel;
import org.wirelab.app.i18n.Messages;
import org.wirelab.app.packets.PacketListView;
import org.wirelab.source.FileSource;

/**
 * Issue 4 section 8, the window's part, run by hand: the whole main window (Monocle, software
 * rendering, 1440x900) opening a 1,000,000-frame capture ({@link LoopbackTrafficGenerator}). Reports
 * the time from "open" to the first screen (the file's first frames listed and drawn), to the whole file
 * listed (every frame analysed, list filled), the heap then, and the time of one CSS-and-layout pass of
 * the whole window (then also of its rendering into an image) while the packet list jumps to random rows,
 * scrolls row by row, and while random frames are selected (tree, bytes, explanation, ladder follow);
 * then row by row with only the packet list rendered, what a pulse repaints when only the list changed;
 * last, the diagram scrolled by the mouse wheel, laid out and with only the diagram rendered.
 *
 * <pre>
 * mvn -q -pl app -am -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/wirelab-cp.txt
 * java -Xmx3g -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw -Dheadless.geometry=1920x1200-32 \
 *     -cp "$(cat /tmp/wirelab-cp.txt):app/target/classes:app/target/test-classes:cli/target/classes:render/target/classes:core/target/classes:core/target/test-classes" \
 *     org.wirelab.bench.AppOpenBenchmark [--frames N | --file CAPTURE [--clicks]]
 *     (--file: open it, report the loading, stop; with --clicks, then the row clicks only)
 * </pre>
 */
public final class AppOpenBenchmark {
    private static final int PASSES = 100;

    public static void main(String[] args) throws Exception {
        // --file F: an existing capture (its frames counted first), opened, reported once listed, then the end.
        boolean given = args.length >= 2 && args[0].equals("--file");
        // --file F --clicks: after the loading's figures, only the row clicks' (three runs cost minutes, not a quarter hour).
        boolean onlyClicks = given && args.length == 3 && args[2].equals("--clicks");
        Path file = given ? Path.of(args[1]) : Files.createTempFile("app-bench", ".pcap");
        int frames = given ? org.wirelab.core.pcap.CaptureFiles.read(file).frames().size()
                : args.length == 2 && args[0].equals("--frames") ? Integer.parseInt(args[1]) : 1_000_000;
        if (!given) {
            file.toFile().deleteOnExit();
            LoopbackTrafficGenerator.write(file, frames, 1);
        }
        System.out.printf(Locale.ROOT, "load average at the start: %.2f (%d cores)%n",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        MainWindow window = onFx(() -> {
            Messages messages = new Messages();
            messages.localeProperty().set(Locale.ENGLISH);
            Preferences node = Preferences.userRoot().node("wirelab-bench");
            node.clear();
            MainWindow created = new MainWindow(new CaptureViewModel(Platform::runLater), messages, new AppPreferences(node));
            Stage stage = new Stage();
            created.show(stage);
            stage.setWidth(1440);
            stage.setHeight(900);
            return created;
        });
        PacketListView table = onFx(() -> (PacketListView) window.ladderSlot().getScene().lookup("#packet-list"));
        Parent root = onFx(() -> window.ladderSlot().getScene().getRoot());
        rendered = root;

        // How often the status line moves while the file loads (the person's sign of progress): the count of
        // frames read, then each pass of the analysis named in turn, until the whole capture is shown.
        java.util.List<Long> statusChanges = new java.util.ArrayList<>();
        java.util.List<String> statusTexts = new java.util.ArrayList<>();
        String whole = String.format(Locale.ENGLISH, "%,d frames", frames);
        long[] counted = {0};
        long[] ended = {0};   // when the window stopped loading: the status line then says the capture is whole
        onFx(() -> {
            window.model().loadingProperty().addListener((o, was, now) -> {
                if (!now && ended[0] == 0) {
                    ended[0] = System.nanoTime();
                }
            });
            javafx.scene.control.Label status = (javafx.scene.control.Label) root.lookup("#status");
            status.textProperty().addListener((o, was, now) -> {
                if (window.model().loadingProperty().get()) {
                    statusChanges.add(System.nanoTime());
                    statusTexts.add(now);
                    if (counted[0] == 0 && now.contains(whole)) {
                        counted[0] = System.nanoTime();
                    }
                }
            });
            return null;
        });
        // The window painted once before the file is opened, as the app opens a file (from the menu, or the one
        // it was started on once its first frame is painted): its first layout is the start-up's, not the loading's.
        onFx(() -> {
            pass(root);
            return null;
        });
        Thread probe = probe();
        long start = System.nanoTime();
        onFx(() -> {
            window.open(new FileSource(file));
            return null;
        });
        double firstScreen = shown(root, start, () -> table.shownCount() > 0);
        double wholeFile = shown(root, start,
                () -> !window.model().loadingProperty().get() && table.shownCount() == frames);
        probe.interrupt();
        probe.join();
        // The status line's stillness ends when the window says the capture is whole, not after the benchmark's
        // own layout and rendering of it.
        long loaded = onFx(() -> ended[0]);
        long[] longestQuiet = onFx(() -> {
            long previous = start;
            long untilCounted = 0;
            long untilLoaded = 0;
            for (long change : statusChanges) {
                untilLoaded = Math.max(untilLoaded, change - previous);
                if (change <= counted[0]) {
                    untilCounted = Math.max(untilCounted, change - previous);
                }
                previous = change;
            }
            return new long[] {untilCounted, Math.max(untilLoaded, loaded - previous)};
        });
        double analysed = counted[0] == 0 ? 0 : (loaded - counted[0]) / 1e6;
        System.out.println("the status line changed at (ms after open): " + onFx(() -> statusChanges.stream()
                .map(change -> Long.toString((change - start) / 1_000_000)).collect(java.util.stream.Collectors.joining(" "))));
        // Where the status line stood still longest: what it said through each stillness over half a second.
        onFx(() -> {
            long previous = start;
            String said = "(before the first change)";
            for (int k = 0; k <= statusChanges.size(); k++) {
                long next = k < statusChanges.size() ? statusChanges.get(k) : loaded;
                if (next - previous > 500_000_000L) {
                    System.out.printf(Locale.ROOT, "  still for %.0f ms from %.0f ms: %s%n", (next - previous) / 1e6,
                            (previous - start) / 1e6, said);
                }
                if (k < statusChanges.size()) {
                    previous = next;
                    said = statusTexts.get(k);
                }
            }
            return null;
        });
        System.out.printf(Locale.ROOT, "the status line changed %d times while loading; the longest time without a"
                + " change: %.0f ms until it counted the whole file, %.0f ms until it said the capture was whole"
                + " (the analysis: %.0f ms after the whole count)%n",
                statusChanges.size(), longestQuiet[0] / 1e6, longestQuiet[1] / 1e6, analysed);
        System.out.printf(Locale.ROOT, "the FX thread's longest time without answering while the file loaded"
                + " (the benchmark's own passes left out): %.0f ms%n", onFx(() -> longestStall / 1e6));
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime runtime = Runtime.getRuntime();
        long heap = runtime.totalMemory() - runtime.freeMemory();
        System.out.printf(Locale.ROOT, "%,d frames: first screen (the first frames listed) after %.0f ms, the whole"
                + " file listed after %.0f ms; heap %.0f MB (%.0f bytes a frame)%n",
                frames, firstScreen, wholeFile, heap / 1e6, (double) heap / frames);
        if (given && !onlyClicks) {
            System.out.printf(Locale.ROOT, "load average at the end: %.2f%n",
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            Platform.exit();
            return;
        }

        Random random = new Random(1);
        int from = frames / 2;
        firstClick(window, root, random, frames);
        if (!onlyClicks) {
            rendered = null;
            report("layout only: table jumps to a random row", onFx(() -> timed(root, k -> table.scrollTo(random.nextInt(frames)))));
            report("layout only: a random frame selected", onFx(() -> timed(root, k -> window.model().select(1 + random.nextInt(frames)))));
            rendered = root;
            report("render only, nothing changed", onFx(() -> timed(root, k -> { })));
            report("table jumps to a random row", onFx(() -> timed(root, k -> table.scrollTo(random.nextInt(frames)))));
            report("table scrolls row by row", onFx(() -> timed(root, k -> table.scrollTo(from + k))));
            report("a random frame selected", onFx(() -> timed(root, k -> window.model().select(1 + random.nextInt(frames)))));
        }
        // A row click as the person makes it: a press on a row the list shows, somewhere in the file. Every
        // pane follows (ladder, explanation, encapsulation, OSI tree, bytes); laid out, then also rendered.
        Node listCanvas = onFx(() -> table.lookup("Canvas"));
        int[] clicks = {0, 0};   // clicks made, clicks that selected another frame
        java.util.function.IntConsumer clickARow = k -> {
            if (k % 10 == 0) {
                table.scrollTo(random.nextInt(frames - 100));
                pass(root);   // a new place in the file, scrolled to before the clicks there
            }
            int first = table.firstVisibleRow();
            int visible = 0;
            while (table.rowCentre(first + visible) != null) {
                visible++;
            }
            int position = first + random.nextInt(Math.max(1, visible));
            javafx.geometry.Point2D centre = table.rowCentre(position);
            int before = window.model().selectedFrameProperty().get();
            clicks[0]++;
            if (centre != null) {
                // A MouseEvent made without a target takes its x and y as the scene's: the node's are worked out.
                javafx.geometry.Point2D at = table.localToScene(centre);
                javafx.event.Event.fireEvent(listCanvas, new javafx.scene.input.MouseEvent(
                        javafx.scene.input.MouseEvent.MOUSE_PRESSED, at.getX(), at.getY(), 0, 0,
                        javafx.scene.input.MouseButton.PRIMARY, 1, false, false, false, false, true, false, false,
                        false, false, false, null));
            }
            if (window.model().selectedFrameProperty().get() != before) {
                clicks[1]++;
            }
        };
        rendered = null;
        report("a row clicked, every pane laid out (layout only)", onFx(() -> timedClicks(root, clickARow)));
        rendered = root;
        report("a row clicked, the whole window laid out and rendered", onFx(() -> timedClicks(root, clickARow)));
        System.out.printf(Locale.ROOT, "%d of the %d clicks selected another frame%n", clicks[1], clicks[0]);
        if (onlyClicks) {
            System.out.printf(Locale.ROOT, "load average at the end: %.2f%n",
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            Platform.exit();
            return;
        }
        // What a window's pulse repaints when only the list changed (the software renderer's dirty region).
        rendered = table;
        report("table scrolls row by row, the list alone rendered", onFx(() -> timed(root, k -> table.scrollTo(from + k))));
        // The diagram scrolled as the mouse wheel does (a notch of 40 pixels), from the selected frame on.
        onFx(() -> {
            window.model().select(from);
            pass(root);
            return null;
        });
        Node diagram = onFx(() -> root.lookup("#ladder-canvas"));
        rendered = null;
        report("layout only: diagram scrolls a wheel notch", onFx(() -> timed(root, k -> wheel(diagram))));
        rendered = window.ladderSlot();
        report("diagram scrolls a wheel notch, the diagram alone rendered", onFx(() -> timed(root, k -> wheel(diagram))));
        System.out.printf(Locale.ROOT, "load average at the end: %.2f (%d cores)%n",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
        Platform.exit();
    }

    /**
     * The first frame selected once the file is loaded, as the person clicks it at once: until every pane
     * shows it (the trees first need what the whole capture tells, HTTP messages put together and placed),
     * and the FX thread's longest time without answering meanwhile; then until a frame selected is shown
     * at once (the trees prepared), after which the row clicks are measured.
     */
    private static void firstClick(MainWindow window, Parent root, Random random, int frames) throws Exception {
        onFx(() -> {
            lastProbe = 0;
            longestStall = 0;
            return null;
        });
        Thread probe = probe();
        long start = System.nanoTime();
        onFx(() -> {
            window.model().select(1 + random.nextInt(frames));
            return null;
        });
        while (!onFx(() -> window.model().selectionShown())) {
            Thread.sleep(2);
        }
        onFx(() -> {
            pass(root);
            return null;
        });
        double shown = (System.nanoTime() - start) / 1e6;
        probe.interrupt();
        probe.join();
        System.out.printf(Locale.ROOT, "the first frame selected after the loading: every pane shows it after %.0f ms;"
                + " the FX thread's longest time without answering meanwhile: %.0f ms%n", shown,
                onFx(() -> longestStall / 1e6));
        while (!onFx(() -> {
            window.model().select(1 + random.nextInt(frames));
            return window.model().selectionShown();
        })) {
            Thread.sleep(20);
        }
        System.out.printf(Locale.ROOT, "a frame selected is shown at once (the trees prepared) %.0f ms after that"
                + " first selection%n", (System.nanoTime() - start) / 1e6);
    }

    /** When the FX thread last ran a probe, and the longest time between two probes: FX thread only. */
    private static long lastProbe;
    private static long longestStall;

    /**
     * Posts a probe to the FX thread every millisecond until interrupted: the longest gap between two probes
     * run is the longest time the window could not answer (a click, a repaint) while the file loaded.
     */
    private static Thread probe() {
        Thread probe = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                Platform.runLater(() -> {
                    long now = System.nanoTime();
                    if (lastProbe != 0) {
                        longestStall = Math.max(longestStall, now - lastProbe);
                    }
                    lastProbe = now;
                });
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "fx-probe");
        probe.setDaemon(true);
        probe.start();
        return probe;
    }

    private static void wheel(Node node) {
        javafx.event.Event.fireEvent(node, new ScrollEvent(ScrollEvent.SCROLL, 10, 10, 10, 10, false, false, false,
                false, false, false, 0, -40, 0, -40, ScrollEvent.HorizontalTextScrollUnits.NONE, 0,
                ScrollEvent.VerticalTextScrollUnits.LINES, -1, 0, null));
    }

    /** Milliseconds from {@code start} until {@code shown} holds and the window has been laid out and rendered once. */
    private static double shown(Parent root, long start, java.util.function.BooleanSupplier shown) throws Exception {
        while (!onFx(shown::getAsBoolean)) {
            Thread.sleep(5);
        }
        onFx(() -> {
            pass(root);
            lastProbe = System.nanoTime();   // the benchmark's own rendering is not the application's stall
            return null;
        });
        return (System.nanoTime() - start) / 1e6;
    }

    /** What a pass renders (software rendering into an image) after laying the window out: null for nothing. */
    private static Node rendered;

    /** One CSS and layout pass of the whole window, and a rendering of {@link #rendered}: what a pulse does after a change. */
    private static void pass(Parent root) {
        root.applyCss();
        root.layout();
        if (rendered != null) {
            rendered.snapshot(null, null);
        }
    }

    private static double[] timed(Parent root, java.util.function.IntConsumer change) {
        for (int k = 0; k < 30; k++) {
            change.accept(k);
            pass(root);
        }
        double[] millis = new double[PASSES];
        for (int k = 0; k < PASSES; k++) {
            long t = System.nanoTime();
            change.accept(k);
            pass(root);
            millis[k] = (System.nanoTime() - t) / 1e6;
        }
        return millis;
    }

    /** As {@link #timed}, leaving out the passes that moved the list to a new place before its clicks. */
    private static double[] timedClicks(Parent root, java.util.function.IntConsumer click) {
        java.util.List<Double> clicks = new java.util.ArrayList<>();
        java.util.List<Double> cpu = new java.util.ArrayList<>();
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int k = 0; k < 30 + PASSES; k++) {
            if (k % 10 == 0) {
                click.accept(k);   // scrolls, then clicks: not timed
                pass(root);
                continue;
            }
            long t = System.nanoTime();
            long c = threads.getCurrentThreadCpuTime();
            click.accept(k);
            pass(root);
            if (k >= 30) {
                clicks.add((System.nanoTime() - t) / 1e6);
                cpu.add((threads.getCurrentThreadCpuTime() - c) / 1e6);
            }
        }
        // The FX thread's own CPU for the same clicks: what the click costs, whatever the machine's load adds.
        report("the FX thread's CPU time for the clicks of the next line", cpu.stream().mapToDouble(Double::doubleValue).toArray());
        return clicks.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static void report(String what, double[] millis) {
        Arrays.sort(millis);
        System.out.printf(Locale.ROOT, "%s: median %.1f ms, 95th percentile %.1f ms, worst %.1f ms%n", what,
                millis[millis.length / 2], millis[(int) (millis.length * 0.95)], millis[millis.length - 1]);
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> action) throws Exception {
        FutureTask<T> task = new FutureTask<>(action);
        Platform.runLater(task);
        return task.get();
    }
}

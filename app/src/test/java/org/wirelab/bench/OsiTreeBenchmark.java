package org.wirelab.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.wirelab.app.capture.CaptureViewModel;
import org.wirelab.app.i18n.Messages;
import org.wirelab.app.layers.EncapsulationBar;
import org.wirelab.app.layers.OsiTreeView;
import org.wirelab.source.FileSource;

/**
 * Issue 4 section 8, run by hand: what selecting a frame costs the OSI tree and the encapsulation bar
 * alone, without the rest of the window (whose other views make {@link AppOpenBenchmark}'s figure noisy).
 * Opens {@code samples/http-get.pcap} in a window holding only the bar and the tree (Monocle), then selects
 * its frames in turn: reports the median and 95th percentile of the selection's listeners (the tree and
 * bar rebuilt) and of the CSS and layout pass that follows.
 *
 * <pre>
 * mvn -q -pl app -am -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/wirelab-cp.txt
 * java -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw \
 *     -cp "$(cat /tmp/wirelab-cp.txt):app/target/classes:app/target/test-classes:cli/target/classes:render/target/classes:core/target/classes:core/target/test-classes" \
 *     org.wirelab.bench.OsiTreeBenchmark [PCAP]
 * </pre>
 */
public final class OsiTreeBenchmark {
    private static final int WARM_UP = 300;
    private static final int PASSES = 1000;

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args.length == 1 ? args[0] : "samples/http-get.pcap");
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        CaptureViewModel model = onFx(() -> new CaptureViewModel(Platform::runLater));
        VBox root = onFx(() -> {
            Messages messages = new Messages();
            messages.localeProperty().set(Locale.ENGLISH);
            OsiTreeView tree = new OsiTreeView(model, messages);
            VBox.setVgrow(tree, Priority.ALWAYS);
            VBox box = new VBox(new EncapsulationBar(model, messages), tree);
            Stage stage = new Stage();
            stage.setScene(new Scene(box, 640, 720));
            stage.show();
            model.open(new FileSource(file));
            return box;
        });
        model.awaitSource();
        int frames = onFx(() -> model.capture().size());
        double[][] times = onFx(() -> {
            double[] listeners = new double[PASSES];
            double[] layout = new double[PASSES];
            for (int k = -WARM_UP; k < PASSES; k++) {
                long t0 = System.nanoTime();
                model.select(1 + Math.floorMod(k, frames));
                long t1 = System.nanoTime();
                root.applyCss();
                root.layout();
                long t2 = System.nanoTime();
                if (k >= 0) {
                    listeners[k] = (t1 - t0) / 1e6;
                    layout[k] = (t2 - t1) / 1e6;
                }
            }
            return new double[][] {listeners, layout};
        });
        report(frames + " frames, selected in turn: the selection's listeners", times[0]);
        report("then CSS and layout of the bar and the tree", times[1]);
        System.out.printf(Locale.ROOT, "load average %.2f%n",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        Platform.exit();
    }

    private static void report(String what, double[] millis) {
        Arrays.sort(millis);
        System.out.printf(Locale.ROOT, "%s: median %.2f ms, 95th percentile %.2f ms%n", what,
                millis[millis.length / 2], millis[(int) (millis.length * 0.95)]);
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> action) throws Exception {
        FutureTask<T> task = new FutureTask<>(action);
        Platform.runLater(task);
        return task.get();
    }
}

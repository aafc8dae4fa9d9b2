package org.wirelab.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import javafx.application.Platform;
import org.wirelab.app.ladder.LadderCanvas;
import org.wirelab.core.analysis.CaptureAnalysis;
import org.wirelab.core.ladder.CaptureLadder;
import org.wirelab.core.ladder.LadderModel;
import org.wirelab.core.pcap.CaptureFiles;
import org.wirelab.core.tcpstate.TcpStates;

/**
 * Issue 4 section 8, run by hand: what the FX thread pays in the diagram when a whole 1,000,000-frame
 * capture arrives ({@link LoopbackTrafficGenerator}): {@link LadderCanvas#setLadder} with the capture's ladder, which
 * lays out its lanes (measuring every lane's title in the canvas' fonts). Reports the first call (the one
 * the application makes, JIT cold) and the median of the next ten, each after an empty ladder.
 *
 * <pre>
 * mvn -q -pl app -am -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/wirelab-cp.txt
 * java -Xmx3g -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw \
 *     -cp "$(cat /tmp/wirelab-cp.txt):app/target/classes:app/target/test-classes:cli/target/classes:render/target/classes:core/target/classes:core/target/test-classes" \
 *     org.wirelab.bench.LadderCanvasBenchmark [--frames N]
 * </pre>
 */
public final class LadderCanvasBenchmark {
    private static final int RUNS = 10;

    public static void main(String[] args) throws Exception {
        int frames = args.length == 2 && args[0].equals("--frames") ? Integer.parseInt(args[1]) : 1_000_000;
        Path file = Files.createTempFile("ladder-canvas-bench", ".pcap");
        file.toFile().deleteOnExit();
        LoopbackTrafficGenerator.write(file, frames, 1);
        CaptureAnalysis analysis = CaptureAnalysis.of(CaptureFiles.read(file).frames());
        CaptureLadder ladder = CaptureLadder.of(analysis, TcpStates.of(analysis));
        LadderModel empty = new LadderModel(List.of(), List.of());
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        LadderCanvas canvas = onFx(LadderCanvas::new);
        double first = onFx(() -> timed(() -> canvas.setLadder(ladder)));
        double[] next = new double[RUNS];
        for (int k = 0; k < RUNS; k++) {
            onFx(() -> timed(() -> canvas.setLadder(empty)));
            next[k] = onFx(() -> timed(() -> canvas.setLadder(ladder)));
        }
        Arrays.sort(next);
        System.out.printf(Locale.ROOT, "%,d frames, %,d lanes: LadderCanvas.setLadder first %.1f ms, then median %.1f ms,"
                + " worst %.1f ms (%d runs); load average %.2f%n", ladder.size(), ladder.lanes().size(), first,
                next[RUNS / 2], next[RUNS - 1], RUNS,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        Platform.exit();
    }

    private static double timed(Runnable action) {
        long start = System.nanoTime();
        action.run();
        return (System.nanoTime() - start) / 1e6;
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> action) throws Exception {
        FutureTask<T> task = new FutureTask<>(action);
        Platform.runLater(task);
        return task.get();
    }
}

package org.wirelab.bench;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import org.wirelab.core.analysis.CaptureAnalysis;
import org.wirelab.core.ladder.CaptureLadder;
import org.wirelab.core.ladder.draw.LadderPainter;
import org.wirelab.core.ladder.draw.LadderView;
import org.wirelab.core.pcap.CaptureFiles;
import org.wirelab.core.tcpstate.TcpStateTimeline;
import org.wirelab.core.tcpstate.TcpStates;
import org.wirelab.export.Graphics2DSurface;
import org.wirelab.export.LadderExport;

/**
 * Issue 4 section 8, the diagram's part, run by hand: the time to draw one viewport (1600 x 1000 pixels)
 * of the ladder of a 1,000,000-frame capture ({@link LoopbackTrafficGenerator}), by the same painter as
 * the application's canvas, here on a Java2D image. Reports the ladder's set-up time and the median,
 * 95th percentile and worst redraw while jumping to random rows and while scrolling row by row; with
 * {@code --timed}, with the arrows at their time.
 *
 * <pre>
 * mvn -q -pl core,render -am test-compile
 * java -Djava.awt.headless=true -cp "$(cat cp.txt):render/target/classes:render/target/test-classes:core/target/classes:core/target/test-classes" \
 *     org.wirelab.bench.LadderDrawBenchmark [--frames N] [--file PCAP] [--timed]
 * </pre>
 * (cp.txt from {@code mvn -q -pl render dependency:build-classpath -Dmdep.outputFile=cp.txt}; see bench/README.md.)
 */
public final class LadderDrawBenchmark {
    private static final int WIDTH = 1600;
    private static final int HEIGHT = 1000;
    private static final int REDRAWS = 500;

    public static void main(String[] args) throws Exception {
        int frames = 1_000_000;
        Path file = null;
        boolean timed = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--frames" -> frames = Integer.parseInt(args[++i]);
                case "--file" -> file = Path.of(args[++i]);
                case "--timed" -> timed = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (file == null) {
            file = Files.createTempFile("ladder-bench", ".pcap");
            file.toFile().deleteOnExit();
            LoopbackTrafficGenerator.write(file, frames, 1);
        }
        long t0 = System.nanoTime();
        CaptureAnalysis analysis = CaptureAnalysis.of(CaptureFiles.read(file).frames());
        long t1 = System.nanoTime();
        TcpStateTimeline states = TcpStates.of(analysis);
        long tStates = System.nanoTime();
        CaptureLadder ladder = CaptureLadder.of(analysis, states);
        long t2 = System.nanoTime();
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        Graphics2DSurface surface = new Graphics2DSurface(g);
        LadderPainter painter = new LadderPainter(ladder, LadderExport.texts(Locale.ENGLISH), surface);
        long t3 = System.nanoTime();
        System.out.printf(Locale.ROOT, "%,d frames, %,d lanes%n", ladder.size(), ladder.lanes().size());
        System.out.printf(Locale.ROOT, "read + analysis %.0f ms; TCP states %.0f ms; ladder lanes %.0f ms;"
                + " painter layout %.0f ms%n", ms(t1 - t0), ms(tStates - t1), ms(t2 - tStates), ms(t3 - t2));
        LadderView view = LadderView.of(WIDTH, HEIGHT).timed(timed);
        double maxY = painter.contentHeight(view) - (HEIGHT - LadderPainter.HEADER);
        double maxX = Math.max(0, painter.contentWidth() - (WIDTH - LadderPainter.TIME_COLUMN));
        Random random = new Random(1);
        for (int warm = 0; warm < 200; warm++) {
            painter.paint(surface, view.scrolledTo(random.nextDouble() * maxX, random.nextDouble() * maxY));
        }
        double[] jumps = new double[REDRAWS];
        for (int k = 0; k < REDRAWS; k++) {
            LadderView at = view.scrolledTo(random.nextDouble() * maxX, random.nextDouble() * maxY);
            long start = System.nanoTime();
            painter.paint(surface, at);
            jumps[k] = ms(System.nanoTime() - start);
        }
        double[] scrolls = new double[REDRAWS];
        double y = maxY / 2;
        for (int k = 0; k < REDRAWS; k++) {
            long start = System.nanoTime();
            painter.paint(surface, view.scrolledTo(0, y + k * LadderPainter.rowHeight(1) / 4));
            scrolls[k] = ms(System.nanoTime() - start);
        }
        report("jump to a random place", jumps);
        report("scroll by a quarter row", scrolls);
        g.dispose();
    }

    private static void report(String what, double[] ms) {
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "%-24s median %.2f ms, 95th %.2f ms, worst %.2f ms per redraw (%d redraws)%n",
                what, sorted[sorted.length / 2], sorted[(int) (sorted.length * 0.95)], sorted[sorted.length - 1],
                sorted.length);
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}

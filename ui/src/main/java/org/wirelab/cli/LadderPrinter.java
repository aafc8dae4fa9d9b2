package org.wirelab.cli;

import java.io.PrintWriter;
import java.util.function.IntPredicate;
import org.wirelab.core.analysis.CaptureAnalysis;
import org.wirelab.core.frame.FrameStore;
import org.wirelab.core.ladder.CaptureLadder;
import org.wirelab.core.ladder.LadderTextRenderer;
import org.wirelab.core.tcpstate.TcpStates;

/** Prints frames as the text ladder diagram, the same way for a file, a live capture and a simulated run. */
public final class LadderPrinter {
    private LadderPrinter() {
    }

    public static void print(FrameStore frames, PrintWriter out) {
        print(frames, index -> true, out);
    }

    /**
     * As {@link #print(FrameStore, PrintWriter)} when it is known which frames arrived (0-based index):
     * the others are marked lost and the TCP states follow only the frames {@code delivered}.
     */
    public static void print(FrameStore frames, IntPredicate delivered, PrintWriter out) {
        CaptureAnalysis analysis = CaptureAnalysis.of(frames);
        out.print(LadderTextRenderer.render(CaptureLadder.build(analysis, TcpStates.of(analysis, delivered),
                delivered.negate())));
    }
}

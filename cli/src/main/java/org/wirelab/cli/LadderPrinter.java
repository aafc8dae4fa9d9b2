package org.wirelab.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.function.IntPredicate;
import org.wirelab.core.analysis.CaptureAnalysis;
import org.wirelab.core.frame.FrameStore;
import org.wirelab.core.ladder.CaptureLadder;
import org.wirelab.core.ladder.GroupedLadder;
import org.wirelab.core.ladder.Ladder;
import org.wirelab.core.ladder.LadderInParts;
import org.wirelab.core.ladder.LadderTextRenderer;
import org.wirelab.core.tcpstate.TcpStates;

/**
 * Prints frames as the text ladder diagram, the same way for a file, a live capture and a simulated run.
 * The diagram is streamed line by line and at most {@link #DEFAULT_MAX_LANES} lanes wide unless asked
 * otherwise: a port scan's thousands of lanes would make every line hundreds of kilobytes long.
 */
public final class LadderPrinter {
    /** Lanes beyond this are grouped into one: eight lanes fit a wide terminal. */
    public static final int DEFAULT_MAX_LANES = 8;

    private LadderPrinter() {
    }

    /** The ladder of every frame; returns how many lanes were grouped into the last one (0 when none). */
    public static int print(FrameStore frames, PrintWriter out) {
        return print(frames, index -> true, out);
    }

    /**
     * As {@link #print(FrameStore, PrintWriter)} when it is known which frames arrived (0-based index):
     * the others are marked lost and the TCP states follow only the frames {@code delivered}.
     */
    public static int print(FrameStore frames, IntPredicate delivered, PrintWriter out) {
        CaptureAnalysis analysis = CaptureAnalysis.of(frames);
        return print(CaptureLadder.of(analysis, TcpStates.of(analysis, delivered), delivered.negate()),
                DEFAULT_MAX_LANES, out);
    }

    /** Writes the ladder {@code plan} planned, reading its file again a part at a time. */
    static void print(LadderInParts.Plan plan, PrintWriter out) throws IOException {
        if (out instanceof StandardOutput terminal) {
            plan.write(terminal.bytes());
        } else {
            out.flush();
            plan.write(new OutputStream() {
                @Override
                public void write(int b) {
                    out.write(b);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    out.write(new String(b, off, len, StandardCharsets.US_ASCII));
                }
            });
        }
    }

    /** Prints {@code ladder} with at most {@code maxLanes} lanes; returns how many were grouped into the last one. */
    public static int print(Ladder ladder, int maxLanes, PrintWriter out) {
        Ladder bounded = GroupedLadder.of(ladder, maxLanes);
        try {
            if (out instanceof StandardOutput terminal) {
                OutputStream bytes = terminal.bytes();
                LadderTextRenderer.write(bounded, bytes);
                bytes.flush();
            } else {
                LadderTextRenderer.write(bounded, out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return GroupedLadder.groupedLanes(bounded);
    }
}

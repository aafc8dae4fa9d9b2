package org.wirelab.source;

import java.util.BitSet;
import java.util.List;
import org.wirelab.core.analysis.CaptureAnalysis;
import org.wirelab.core.explain.Explainer;
import org.wirelab.core.fields.CaptureTree;
import org.wirelab.core.fields.FieldCatalog;
import org.wirelab.core.frame.FrameStore;
import org.wirelab.core.frame.PassProgress;
import org.wirelab.core.ladder.CaptureLadder;
import org.wirelab.core.summary.PacketTable;
import org.wirelab.core.summary.SummaryDecoder;
import org.wirelab.core.tcpstate.TcpStateTimeline;
import org.wirelab.core.tcpstate.TcpStates;

/**
 * What the views show at one moment: the frames a source delivered so far, analysed. Immutable; a
 * source that is still delivering frames publishes a new one from time to time. The views never know
 * whether it came from a file, a live capture or a simulation, only {@link #title()} says.
 */
public final class Capture {
    private final String title;
    private final CaptureAnalysis analysis;
    private final TcpStateTimeline states;
    private final List<String> warnings;
    private final boolean complete;
    private final FieldCatalog catalog;
    private final CaptureLadder ladder;
    private CaptureTree tree;
    private Explainer explainer;

    public Capture(String title, FrameStore frames, List<String> warnings, boolean complete) {
        this(title, frames, warnings, complete, new BitSet());
    }

    /**
     * A capture whose {@code lost} frames (1-based numbers; known only to a simulator) never reached
     * their receiver: their arrows say so, and the TCP states follow what each side received.
     */
    public Capture(String title, FrameStore frames, List<String> warnings, boolean complete, BitSet lost) {
        this(title, frames, warnings, complete, lost, AnalysisProgress.NONE);
    }

    /**
     * The same, telling {@code progress} which pass over the frames runs and how far it has gone (a long
     * file's progress); an exception it throws stops the analysis.
     */
    public Capture(String title, FrameStore frames, List<String> warnings, boolean complete, BitSet lost,
            AnalysisProgress progress) {
        this.title = title;
        PacketTable packets = new SummaryDecoder().decode(frames, pass(AnalysisStep.SUMMARIES, progress));
        this.analysis = CaptureAnalysis.of(frames, packets, pass(AnalysisStep.CONVERSATIONS, progress));
        analysis.tcp(pass(AnalysisStep.TCP_SEQUENCES, progress));
        this.states = TcpStates.of(analysis, index -> !lost.get(index + 1), pass(AnalysisStep.TCP_STATES, progress));
        // Built here, on the source's thread, so that showing a large capture costs the FX thread nothing.
        progress.reached(AnalysisStep.FIELDS, 0);
        this.catalog = new FieldCatalog(analysis);
        this.ladder = CaptureLadder.of(analysis, states, index -> lost.get(index + 1),
                pass(AnalysisStep.LADDER, progress));
        if (complete) {
            // Each lane's state at any row, which the ladder shows once scrolled past the start: a million
            // frames have some 230,000 state changes, too many to gather on the FX thread at the first scroll.
            ladder.laneStates(pass(AnalysisStep.LANE_STATES, progress));
        }
        this.warnings = List.copyOf(warnings);
        this.complete = complete;
    }

    /** The pass {@code step} as core's passes tell their progress, starting it at 0. */
    private static PassProgress pass(AnalysisStep step, AnalysisProgress progress) {
        progress.reached(step, 0);
        return (done, total) -> progress.reached(step, total == 0 ? 1 : (double) done / total);
    }

    /** A capture with no frame yet. */
    public static Capture empty(String title) {
        return new Capture(title, new FrameStore(), List.of(), true);
    }

    public String title() {
        return title;
    }

    public FrameStore frames() {
        return analysis.frames();
    }

    public CaptureAnalysis analysis() {
        return analysis;
    }

    public TcpStateTimeline states() {
        return states;
    }

    /** What was wrong with the source (a damaged file, a capture that could not run), for the person. */
    public List<String> warnings() {
        return warnings;
    }

    /** False while the source may still deliver frames. */
    public boolean complete() {
        return complete;
    }

    public int size() {
        return analysis.size();
    }

    /** tshark's field values of every frame. */
    public FieldCatalog catalog() {
        return catalog;
    }

    /** Each frame's full tree, with what needs the whole capture (relative numbers, HTTP reassembly). */
    public synchronized CaptureTree tree() {
        if (tree == null) {
            tree = new CaptureTree(analysis, catalog);
        }
        return tree;
    }

    /** The ladder diagram of every frame (arrows made on demand). */
    public CaptureLadder ladder() {
        return ladder;
    }

    public Explainer explainer() {
        if (explainer == null) {
            explainer = Explainer.of(analysis, states);
        }
        return explainer;
    }
}

package org.wirelab.source;

import java.util.BitSet;
import java.util.List;
import java.util.function.Consumer;
import org.wirelab.core.analysis.CaptureAnalysis;
import org.wirelab.core.explain.Explainer;
import org.wirelab.core.fields.CaptureTree;
import org.wirelab.core.fields.FieldCatalog;
import org.wirelab.core.frame.FrameStore;
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
        this(title, frames, warnings, complete, lost, step -> { });
    }

    /** The same, telling {@code starting} each pass over the frames as it begins (a long file's progress). */
    public Capture(String title, FrameStore frames, List<String> warnings, boolean complete, BitSet lost,
            Consumer<AnalysisStep> starting) {
        this.title = title;
        starting.accept(AnalysisStep.SUMMARIES);
        PacketTable packets = new SummaryDecoder().decode(frames);
        starting.accept(AnalysisStep.CONVERSATIONS);
        this.analysis = CaptureAnalysis.of(frames, packets);
        starting.accept(AnalysisStep.TCP_SEQUENCES);
        analysis.tcp();
        starting.accept(AnalysisStep.TCP_STATES);
        this.states = TcpStates.of(analysis, index -> !lost.get(index + 1));
        // Built here, on the source's thread, so that showing a large capture costs the FX thread nothing.
        starting.accept(AnalysisStep.FIELDS);
        this.catalog = new FieldCatalog(analysis);
        starting.accept(AnalysisStep.LADDER);
        this.ladder = CaptureLadder.of(analysis, states, index -> lost.get(index + 1));
        if (complete) {
            // Each lane's state at any row, which the ladder shows once scrolled past the start: a million
            // frames have some 230,000 state changes, too many to gather on the FX thread at the first scroll.
            starting.accept(AnalysisStep.LANE_STATES);
            ladder.laneStates();
        }
        this.warnings = List.copyOf(warnings);
        this.complete = complete;
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

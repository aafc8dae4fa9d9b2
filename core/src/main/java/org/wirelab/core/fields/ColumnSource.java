package org.wirelab.core.fields;

import org.wirelab.core.analysis.CaptureAnalysis;
import org.wirelab.core.analysis.ConversationIndex;
import org.wirelab.core.analysis.TcpSequenceAnalysis;
import org.wirelab.core.frame.FrameStore;
import org.wirelab.core.frame.Timestamps;
import org.wirelab.core.summary.PacketTable;

/**
 * What a {@link ColumnField} reads a capture's fields from: the frames, their summary columns, the analysis,
 * and which frames a display filter shows (for frame.time_delta_displayed).
 */
public final class ColumnSource {
    private final CaptureAnalysis analysis;
    private final DisplayedFrames displayed;

    ColumnSource(CaptureAnalysis analysis, DisplayedFrames displayed) {
        this.analysis = analysis;
        this.displayed = displayed;
    }

    public CaptureAnalysis analysis() {
        return analysis;
    }

    public FrameStore frames() {
        return analysis.frames();
    }

    public PacketTable packets() {
        return analysis.packets();
    }

    public ConversationIndex conversations() {
        return analysis.conversations();
    }

    public TcpSequenceAnalysis tcp() {
        return analysis.tcp();
    }

    /** The time since the previous frame shown, in nanoseconds. */
    public long sinceDisplayedNanos(int i) {
        return displayed.sinceDisplayedNanos(i);
    }

    /** A value as tshark prints a time in seconds: "0.000123000". */
    public static FieldValue seconds(java.util.function.IntToLongFunction nanos) {
        return (out, i) -> out.append(Timestamps.epochText(nanos.applyAsLong(i)));
    }

    /** A frame number from a 0-based frame index, nothing for -1. */
    public static FieldValue frameNumber(java.util.function.IntUnaryOperator index) {
        return (out, i) -> {
            int frame = index.applyAsInt(i);
            if (frame >= 0) {
                out.append(frame + 1);
            }
        };
    }
}

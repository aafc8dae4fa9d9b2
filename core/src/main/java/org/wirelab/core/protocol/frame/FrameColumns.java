package org.wirelab.core.protocol.frame;

import java.util.List;
import org.wirelab.core.fields.ColumnField;
import org.wirelab.core.fields.ColumnSource;
import org.wirelab.core.frame.Timestamps;

/** The frame fields the capture record answers for every frame, without a tree (frame.time's text is the tree's). */
public final class FrameColumns {
    public static final List<ColumnField> COLUMNS = List.of(
            ColumnField.everyFrame(Frame.NUMBER, c -> (out, i) -> out.append(c.frames().firstIndex() + i + 1)),
            ColumnField.everyFrame(Frame.TIME_EPOCH, c -> ColumnSource.seconds(i -> c.frames().timestampNanos(i))),
            ColumnField.everyFrame(Frame.TIME_RELATIVE, c -> ColumnSource.seconds(
                    i -> c.frames().timestampNanos(i) - c.analysis().times().captureStartNanos())),
            ColumnField.everyFrame(Frame.TIME_DELTA, c -> ColumnSource.seconds(
                    i -> c.frames().timestampNanos(i) - c.analysis().times().previousFrameNanos(i))),
            ColumnField.everyFrame(Frame.TIME_DELTA_DISPLAYED, c -> ColumnSource.seconds(c::sinceDisplayedNanos)),
            ColumnField.everyFrame(Frame.LEN, c -> (out, i) -> out.append(c.frames().originalLength(i))),
            ColumnField.everyFrame(Frame.CAP_LEN, c -> (out, i) -> out.append(c.frames().capturedLength(i))),
            ColumnField.everyFrame(Frame.ENCAP_TYPE, c -> (out, i) -> {
                int encapsulation = Frame.encapsulation(c.frames().linkType(i));
                if (encapsulation >= 0) {
                    out.append(encapsulation);
                }
            }),
            // A file read by tshark has no marks and no time shift.
            ColumnField.everyFrame(Frame.MARKED, c -> (out, i) -> out.append('0')),
            ColumnField.everyFrame(Frame.IGNORED, c -> (out, i) -> out.append('0')),
            ColumnField.everyFrame(Frame.OFFSET_SHIFT, c -> (out, i) -> out.append(Timestamps.epochText(0))));

    private FrameColumns() {
    }
}

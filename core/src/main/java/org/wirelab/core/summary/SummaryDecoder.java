package org.wirelab.core.summary;

import org.wirelab.core.frame.FrameReader;
import org.wirelab.core.frame.FrameStore;
import org.wirelab.core.frame.PassProgress;

/**
 * The fast path of decoding: fills one row of a {@link PacketTable} per frame by walking its link, network
 * and transport headers just far enough, each read by its protocol's {@link SummaryLayer} (found in
 * {@link SummaryTables}, as the tree's decoders are in their tables), in place and allocating nothing per
 * frame. Never throws on bad bytes: what cannot be read stays at its "nothing decoded" value and a status
 * bit says why. The layers read the header layouts of each protocol's own place, as the tree's decoders do,
 * so both read the same bytes the same way. One decoder serves one thread at a time (it keeps its cursor).
 */
public final class SummaryDecoder {
    private final SummaryTables tables = SummaryTables.STANDARD;
    private final SummaryCursor cursor = new SummaryCursor();

    public PacketTable decode(FrameStore frames) {
        return decode(frames, PassProgress.NONE);
    }

    /** {@link #decode(FrameStore)}, telling {@code progress} how far it has gone. */
    public PacketTable decode(FrameStore frames, PassProgress progress) {
        PacketTable table = new PacketTable(frames.size());
        FrameReader reader = frames.reader();
        for (int i = 0; i < frames.size(); i++) {
            progress.at(i, frames.size());
            decodeInto(reader.buffer(i), frames.offset(i), frames.capturedLength(i), frames.originalLength(i),
                    frames.linkType(i), table);
        }
        return table;
    }

    /**
     * Decodes one frame, {@code capturedLength} bytes of {@code buffer} from {@code offset}, into a new row
     * of {@code table} and returns the row's index. {@code originalLength} is the frame's length on the
     * wire; offsets stored in the row are relative to {@code offset}.
     */
    public int decodeInto(byte[] buffer, int offset, int capturedLength, int originalLength, int linkType,
            PacketTable table) {
        int row = table.addRow();
        cursor.start(buffer, offset, capturedLength, originalLength, linkType, row, table);
        SummaryLayer layer = tables.byLinkType(linkType);
        // Most frames are link, network, transport: three calls in a row, each of which the JIT sees reach one or
        // two layers (and inlines), where one call in a loop would reach them all. Then whatever is left: every
        // layer but raw IP's moves past bytes or ends the walk, and IP in IP is bounded, so the walk ends.
        if (layer != null) {
            layer = layer.read(cursor, tables);
        }
        if (layer != null) {
            layer = layer.read(cursor, tables);
        }
        if (layer != null) {
            layer = layer.read(cursor, tables);
        }
        while (layer != null) {
            layer = layer.read(cursor, tables);
        }
        return row;
    }
}

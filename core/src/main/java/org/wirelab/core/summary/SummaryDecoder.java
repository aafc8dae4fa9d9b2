package org.wirelab.core.summary;

import org.wirelab.core.frame.FrameStore;

/**
 * The fast path of decoding: walks each frame's link, network and transport headers just far enough
 * to fill one row of a {@link PacketTable}. Never throws on bad bytes: what cannot be read stays at
 * its "nothing decoded" value and a status bit says why.
 *
 * <p>TODO(decoder): implement; uses the same header knowledge as the full field-tree decoders.
 */
public final class SummaryDecoder {

    public PacketTable decode(FrameStore frames) {
        PacketTable table = new PacketTable(frames.size());
        for (int i = 0; i < frames.size(); i++) {
            decodeInto(frames.buffer(), frames.offset(i), frames.capturedLength(i), frames.linkType(i), table);
        }
        return table;
    }

    /** Decodes one frame into a new row of {@code table} and returns the row's index. */
    public int decodeInto(byte[] buffer, int offset, int capturedLength, int linkType, PacketTable table) {
        int row = table.addRow();
        // TODO(decoder)
        return row;
    }
}

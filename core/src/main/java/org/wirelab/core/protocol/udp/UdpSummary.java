package org.wirelab.core.protocol.udp;

import org.wirelab.core.summary.PacketTable;
import org.wirelab.core.summary.SummaryCursor;
import org.wirelab.core.summary.SummaryLayer;
import org.wirelab.core.summary.SummaryTables;

/**
 * UDP's part of the fast path: fills a {@link PacketTable} row's ports and lengths from the header in place,
 * allocating nothing, as {@link UdpDecoder} reads the same bytes for the tree.
 */
public final class UdpSummary implements SummaryLayer {
    /** Reads the header at the cursor; what the datagram carries is not read on the fast path. */
    @Override
    public SummaryLayer read(SummaryCursor cursor, SummaryTables tables) {
        fill(cursor.bytes(), cursor.at(), cursor.end(), cursor.row(), cursor.table());
        return null;
    }

    /** Reads the UDP header at {@code at} (captured up to {@code end}) into row {@code row}. */
    private static void fill(byte[] b, int at, int end, int row, PacketTable table) {
        int captured = end - at;
        if (captured >= 4) {
            table.setPorts(row, Udp.sourcePort(b, at), Udp.destinationPort(b, at));
        }
        if (captured < Udp.HEADER_LENGTH) {
            table.addStatus(row, PacketTable.STATUS_TRANSPORT_TRUNCATED);
            return;
        }
        int length = Udp.length(b, at);
        table.setUdpLength(row, length);
        table.setPayloadLength(row, Math.max(0, length - Udp.HEADER_LENGTH));
    }
}

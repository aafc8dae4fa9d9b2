package org.wirelab.core.protocol.tcp;

import org.wirelab.core.summary.PacketTable;
import org.wirelab.core.summary.SummaryCursor;
import org.wirelab.core.summary.SummaryLayer;
import org.wirelab.core.summary.SummaryTables;

/**
 * TCP's part of the fast path: fills a {@link PacketTable} row's ports, numbers, flags, window and lengths
 * from the header in place, allocating nothing, as {@link TcpDecoder} reads the same bytes for the tree.
 * Lengths follow tshark: the payload length is the IP payload length minus the header length (so a frame
 * cut by the snapshot length still has its full {@code tcp.len}), and a header whose 20 fixed bytes are not
 * all captured yields its ports only.
 */
public final class TcpSummary implements SummaryLayer {
    /** Reads the header at the cursor; what the segment carries is not read on the fast path. */
    @Override
    public SummaryLayer read(SummaryCursor cursor, SummaryTables tables) {
        fill(cursor.bytes(), cursor.at(), cursor.end(), (int) (cursor.reportedEnd() - cursor.at()), cursor.row(),
                cursor.table());
        return null;
    }

    /**
     * Reads the TCP header at {@code at} (captured up to {@code end}) into row {@code row};
     * {@code ipPayloadLength} is what the IP header says follows it.
     */
    private static void fill(byte[] b, int at, int end, int ipPayloadLength, int row, PacketTable table) {
        int captured = end - at;
        if (captured >= 4) {
            table.setPorts(row, Tcp.sourcePort(b, at), Tcp.destinationPort(b, at));
        }
        if (captured < Tcp.MIN_HEADER_LENGTH) {
            table.addStatus(row, PacketTable.STATUS_TRANSPORT_TRUNCATED);
        }
        if (captured < Tcp.FIXED_FIELDS_LENGTH) {
            return;
        }
        int headerLength = Tcp.headerLength(b, at);
        int flags = Tcp.flags(b, at);
        boolean whole = !table.hasStatus(row, PacketTable.STATUS_IP_FRAGMENT);
        if (whole && ipPayloadLength >= headerLength) {
            table.setPayloadLength(row, ipPayloadLength - headerLength);
        }
        if (headerLength < Tcp.MIN_HEADER_LENGTH) {
            // As tshark: a bogus header length leaves only the sequence number and the length.
            table.setTcp(row, Tcp.sequenceNumber(b, at), 0, 0, 0, headerLength, -1);
            table.addStatus(row, PacketTable.STATUS_MALFORMED);
            return;
        }
        int optionsEnd = Math.min(at + headerLength, end);
        if (at + headerLength <= end) {
            table.addStatus(row, PacketTable.STATUS_TCP_HEADER_COMPLETE);
        }
        // RFC 7323 section 2.2: the option is only meaningful (and only sent) on a SYN.
        int shift = (flags & Tcp.SYN) != 0 ? Tcp.windowShift(b, at, optionsEnd) : -1;
        table.setTcp(row, Tcp.sequenceNumber(b, at), Tcp.acknowledgmentNumber(b, at), flags,
                Tcp.window(b, at), headerLength, shift);
        if (whole && ipPayloadLength < headerLength) {
            table.addStatus(row, PacketTable.STATUS_MALFORMED);
        }
    }
}

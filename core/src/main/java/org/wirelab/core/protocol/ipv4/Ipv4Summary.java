package org.wirelab.core.protocol.ipv4;

import org.wirelab.core.summary.PacketTable;
import org.wirelab.core.summary.SummaryCursor;
import org.wirelab.core.summary.SummaryLayer;
import org.wirelab.core.summary.SummaryTables;

/**
 * IPv4's part of the fast path: where the header is (the addresses are read from there when asked), how far
 * the datagram goes, whether it is a fragment, and what it carries. A later fragment ends the walk: its
 * transport header is in the first one.
 */
public final class Ipv4Summary implements SummaryLayer {
    @Override
    public SummaryLayer read(SummaryCursor cursor, SummaryTables tables) {
        byte[] b = cursor.bytes();
        int at = cursor.at();
        if (!cursor.enterIp()) {
            return null;
        }
        if (cursor.captured() < Ipv4.MIN_HEADER_LENGTH || Ipv4.version(b, at) != 4
                || Ipv4.headerLength(b, at) < Ipv4.MIN_HEADER_LENGTH) {
            return cursor.malformed();
        }
        PacketTable table = cursor.table();
        table.setNetwork(cursor.row(), PacketTable.NETWORK_IPV4, cursor.inFrame(at));
        int headerLength = Ipv4.headerLength(b, at);
        int totalLength = Ipv4.totalLength(b, at);
        long datagramEnd;
        if (totalLength == 0) {
            // TCP segmentation offload leaves 0 here; Wireshark then uses the frame's length.
            datagramEnd = cursor.reportedEnd();
        } else if (totalLength < headerLength) {
            return cursor.malformed();
        } else {
            datagramEnd = Math.min(cursor.reportedEnd(), (long) at + totalLength);
        }
        if (Ipv4.fragmentOffset(b, at) != 0) {
            cursor.addStatus(PacketTable.STATUS_IP_FRAGMENT);
            return null;
        }
        if (Ipv4.moreFragments(b, at)) {
            // A first fragment: its transport header is here, its length is the fragment's.
            cursor.addStatus(PacketTable.STATUS_IP_FRAGMENT);
        }
        return cursor.ipPayload(Ipv4.protocol(b, at), at + headerLength, datagramEnd, tables);
    }
}

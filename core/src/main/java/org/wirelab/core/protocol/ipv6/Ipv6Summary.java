package org.wirelab.core.protocol.ipv6;

import org.wirelab.core.header.IpProtocol;
import org.wirelab.core.summary.PacketTable;
import org.wirelab.core.summary.SummaryCursor;
import org.wirelab.core.summary.SummaryLayer;
import org.wirelab.core.summary.SummaryTables;

/**
 * IPv6's part of the fast path: where the header is, how far the datagram goes, and, past the extension
 * headers, what it carries. A later fragment ends the walk: its transport header is in the first one.
 */
public final class Ipv6Summary implements SummaryLayer {
    @Override
    public SummaryLayer read(SummaryCursor cursor, SummaryTables tables) {
        byte[] b = cursor.bytes();
        int at = cursor.at();
        int end = cursor.end();
        if (!cursor.enterIp()) {
            return null;
        }
        if (cursor.captured() < Ipv6.HEADER_LENGTH || Ipv6.version(b, at) != 6) {
            return cursor.malformed();
        }
        cursor.table().setNetwork(cursor.row(), PacketTable.NETWORK_IPV6, cursor.inFrame(at));
        int payloadLength = Ipv6.payloadLength(b, at);
        // A zero payload length is a jumbogram (RFC 2675) or offload: bounded by the frame instead.
        long datagramEnd = payloadLength == 0 ? cursor.reportedEnd()
                : Math.min(cursor.reportedEnd(), (long) at + Ipv6.HEADER_LENGTH + payloadLength);
        int protocol = Ipv6.nextHeader(b, at);
        int payloadAt = at + Ipv6.HEADER_LENGTH;
        while (Ipv6.isExtensionHeader(protocol)) {
            if (end - payloadAt < 2 || protocol == IpProtocol.FRAGMENT && end - payloadAt < 8) {
                cursor.addStatus(PacketTable.STATUS_TRANSPORT_TRUNCATED);
                return null;
            }
            if (protocol == IpProtocol.FRAGMENT && Ipv6.fragmentOffset(b, payloadAt) != 0) {
                cursor.addStatus(PacketTable.STATUS_IP_FRAGMENT);
                return null;
            }
            if (protocol == IpProtocol.FRAGMENT && Ipv6.fragmentMore(b, payloadAt)) {
                cursor.addStatus(PacketTable.STATUS_IP_FRAGMENT);
            }
            int next = Ipv6.extensionNextHeader(b, payloadAt);
            payloadAt += Ipv6.extensionLength(b, payloadAt, protocol);
            protocol = next;
            if (payloadAt > datagramEnd) {
                return cursor.malformed();
            }
        }
        return cursor.ipPayload(protocol, payloadAt, datagramEnd, tables);
    }
}

package org.wirelab.core.check;

import org.wirelab.core.analysis.CaptureAnalysis;
import org.wirelab.core.protocol.icmp.Icmp;
import org.wirelab.core.protocol.icmpv6.Icmpv6;
import org.wirelab.core.header.IpProtocol;
import org.wirelab.core.protocol.ipv4.Ipv4;
import org.wirelab.core.protocol.ipv6.Ipv6;
import org.wirelab.core.protocol.udp.Udp;
import org.wirelab.core.summary.PacketTable;

/**
 * Finds the ICMP "port unreachable" a host sends back when a UDP datagram reaches a port no socket is
 * bound to (RFC 1122 section 4.1.3.1; ICMPv6: RFC 4443 section 3.1, code 4). The error quotes the
 * datagram's IP header and first 8 bytes, which is how it names the port.
 */
final class PortUnreachable {
    private static final int PORT_UNREACHABLE = 3;
    private static final int V6_PORT_UNREACHABLE = 4;

    private PortUnreachable() {
    }

    /** The first frame after {@code after} reporting UDP port {@code port} unreachable, or -1. */
    static int find(CaptureAnalysis analysis, int after, int port) {
        PacketTable table = analysis.packets();
        for (int i = after + 1; i < analysis.size(); i++) {
            int transport = table.transport(i);
            if (transport != PacketTable.TRANSPORT_ICMP && transport != PacketTable.TRANSPORT_ICMPV6) {
                continue;
            }
            byte[] b = analysis.frames().buffer(i);
            int at = analysis.frames().offset(i) + table.transportOffset(i);
            int end = analysis.frames().offset(i) + analysis.frames().capturedLength(i);
            if (end - at < Icmp.HEADER_LENGTH) {
                continue;
            }
            boolean v4 = transport == PacketTable.TRANSPORT_ICMP;
            boolean portUnreachable = v4
                    ? Icmp.type(b, at) == Icmp.DESTINATION_UNREACHABLE && Icmp.code(b, at) == PORT_UNREACHABLE
                    : Icmp.type(b, at) == Icmpv6.DESTINATION_UNREACHABLE && Icmp.code(b, at) == V6_PORT_UNREACHABLE;
            if (portUnreachable && quotedUdpPort(b, at + Icmp.HEADER_LENGTH, end, v4) == port) {
                return i;
            }
        }
        return -1;
    }

    /** The destination port of the UDP datagram quoted at {@code ip}, or -1 when it is not one. */
    private static int quotedUdpPort(byte[] b, int ip, int end, boolean v4) {
        int udp;
        if (v4) {
            if (end - ip < Ipv4.MIN_HEADER_LENGTH || Ipv4.protocol(b, ip) != IpProtocol.UDP
                    || Ipv4.headerLength(b, ip) < Ipv4.MIN_HEADER_LENGTH) {
                return -1;
            }
            udp = ip + Ipv4.headerLength(b, ip);
        } else {
            // The quoted datagram's next header is read from its fixed header: no extension headers expected.
            if (end - ip < Ipv6.HEADER_LENGTH || Ipv6.nextHeader(b, ip) != IpProtocol.UDP) {
                return -1;
            }
            udp = ip + Ipv6.HEADER_LENGTH;
        }
        return end - udp >= 4 ? Udp.destinationPort(b, udp) : -1;
    }
}

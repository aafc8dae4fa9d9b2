package org.wirelab.core.summary;

import java.util.LinkedHashMap;
import java.util.Map;
import org.wirelab.core.frame.FrameStore;
import org.wirelab.core.protocol.ipv4.Ipv4;
import org.wirelab.core.protocol.ipv6.Ipv6;
import org.wirelab.core.protocol.tcp.Tcp;
import org.wirelab.core.net.AddressText;

/** tshark's text for each summary column of a {@link PacketTable} row ("" where tshark prints nothing). */
public final class SummaryColumns {
    public static final String[] NAMES = {"ip.src", "ip.dst", "ipv6.src", "ipv6.dst", "ip.proto", "ipv6.nxt",
        "tcp.srcport", "tcp.dstport", "tcp.flags", "tcp.flags.str", "tcp.seq_raw", "tcp.ack_raw", "tcp.len",
        "tcp.hdr_len", "tcp.window_size_value", "udp.srcport", "udp.dstport", "udp.length"};

    private SummaryColumns() {
    }

    public static Map<String, String> of(FrameStore frames, PacketTable table, int i) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String name : NAMES) {
            out.put(name, "");
        }
        byte[] b = frames.buffer(i);
        int net = frames.offset(i) + table.networkOffset(i);
        if (table.network(i) == PacketTable.NETWORK_IPV4) {
            out.put("ip.src", AddressText.ipv4(b, net + Ipv4.SOURCE));
            out.put("ip.dst", AddressText.ipv4(b, net + Ipv4.DESTINATION));
            out.put("ip.proto", Integer.toString(Ipv4.protocol(b, net)));
        } else if (table.network(i) == PacketTable.NETWORK_IPV6) {
            out.put("ipv6.src", AddressText.ipv6(b, net + Ipv6.SOURCE));
            out.put("ipv6.dst", AddressText.ipv6(b, net + Ipv6.DESTINATION));
            out.put("ipv6.nxt", Integer.toString(Ipv6.nextHeader(b, net)));
        }
        boolean truncated = table.hasStatus(i, PacketTable.STATUS_TRANSPORT_TRUNCATED);
        if (table.transport(i) == PacketTable.TRANSPORT_TCP) {
            out.put("tcp.srcport", Integer.toString(table.sourcePort(i)));
            out.put("tcp.dstport", Integer.toString(table.destinationPort(i)));
            boolean bogusHeader = table.tcpHeaderLength(i) < Tcp.MIN_HEADER_LENGTH;
            if (!truncated) {
                out.put("tcp.seq_raw", Integer.toUnsignedString(table.sequence(i)));
                out.put("tcp.hdr_len", Integer.toString(table.tcpHeaderLength(i)));
                if (!table.hasStatus(i, PacketTable.STATUS_IP_FRAGMENT)) {
                    out.put("tcp.len", Integer.toString(table.payloadLength(i)));
                }
            }
            if (!truncated && !bogusHeader) {
                out.put("tcp.flags", String.format("0x%04x", table.tcpFlags(i)));
                out.put("tcp.flags.str", Tcp.flagsString(table.tcpFlags(i)));
                out.put("tcp.ack_raw", Integer.toUnsignedString(table.acknowledgement(i)));
                out.put("tcp.window_size_value", Integer.toString(table.window(i)));
            }
        } else if (table.transport(i) == PacketTable.TRANSPORT_UDP) {
            out.put("udp.srcport", Integer.toString(table.sourcePort(i)));
            out.put("udp.dstport", Integer.toString(table.destinationPort(i)));
            if (!truncated) {
                out.put("udp.length", Integer.toString(table.udpLength(i)));
            }
        }
        return out;
    }
}

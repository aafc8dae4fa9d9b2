package org.wirelab.core.summary;

import org.wirelab.core.frame.FrameReader;
import org.wirelab.core.frame.FrameStore;
import org.wirelab.core.frame.LinkType;
import org.wirelab.core.frame.PassProgress;
import org.wirelab.core.protocol.arp.Arp;
import org.wirelab.core.protocol.loopback.BsdLoopback;
import org.wirelab.core.header.Bytes;
import org.wirelab.core.header.EtherType;
import org.wirelab.core.protocol.ethernet.Ethernet;
import org.wirelab.core.header.IpProtocol;
import org.wirelab.core.protocol.ipv4.Ipv4;
import org.wirelab.core.protocol.ipv6.Ipv6;
import org.wirelab.core.protocol.sll.LinuxSll;
import org.wirelab.core.protocol.sll.LinuxSll2;
import org.wirelab.core.protocol.vlan.Vlan;
import org.wirelab.core.protocol.tcp.TcpSummary;
import org.wirelab.core.protocol.udp.UdpSummary;

/**
 * The fast path of decoding: walks each frame's link, network and transport headers just far enough
 * to fill one row of a {@link PacketTable}, reading the bytes in place and allocating nothing per frame.
 * A protocol that has its own place fills its part of the row there ({@link TcpSummary}, {@link UdpSummary}).
 * Never throws on bad bytes: what cannot be read stays at its "nothing decoded" value and a status bit
 * says why. The header layouts come from {@code org.wirelab.core.header}, shared with the field-tree
 * decoders, so both read the same bytes the same way.
 */
public final class SummaryDecoder {
    /** IP-in-IP nesting followed at most this deep, so that crafted frames always terminate quickly. */
    private static final int MAX_IP_NESTING = 4;

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
        int end = offset + capturedLength;
        // The length on the wire bounds lengths that headers claim (tshark's "reported length").
        long reportedEnd = (long) offset + Math.max(originalLength, capturedLength);
        int at = offset;
        int etherType;
        switch (linkType) {
            case LinkType.ETHERNET -> {
                if (end - at < Ethernet.HEADER_LENGTH) {
                    table.addStatus(row, PacketTable.STATUS_MALFORMED);
                    return row;
                }
                etherType = Ethernet.etherType(buffer, at);
                at += Ethernet.HEADER_LENGTH;
                while (EtherType.isVlanTag(etherType)) {
                    if (end - at < Vlan.TAG_LENGTH) {
                        table.addStatus(row, PacketTable.STATUS_MALFORMED);
                        return row;
                    }
                    etherType = Vlan.etherType(buffer, at);
                    at += Vlan.TAG_LENGTH;
                }
            }
            case LinkType.LINUX_SLL -> {
                if (end - at < LinuxSll.HEADER_LENGTH) {
                    table.addStatus(row, PacketTable.STATUS_MALFORMED);
                    return row;
                }
                etherType = LinuxSll.protocol(buffer, at);
                at += LinuxSll.HEADER_LENGTH;
            }
            case LinkType.LINUX_SLL2 -> {
                if (end - at < LinuxSll2.HEADER_LENGTH) {
                    table.addStatus(row, PacketTable.STATUS_MALFORMED);
                    return row;
                }
                etherType = LinuxSll2.protocol(buffer, at);
                at += LinuxSll2.HEADER_LENGTH;
            }
            case LinkType.NULL, LinkType.LOOP -> {
                if (end - at < BsdLoopback.HEADER_LENGTH) {
                    table.addStatus(row, PacketTable.STATUS_MALFORMED);
                    return row;
                }
                etherType = BsdLoopback.etherType(BsdLoopback.family(buffer, at, linkType));
                at += BsdLoopback.HEADER_LENGTH;
            }
            case LinkType.RAW -> {
                if (end - at < 1) {
                    table.addStatus(row, PacketTable.STATUS_MALFORMED);
                    return row;
                }
                etherType = ipEtherType(buffer, at);
            }
            case LinkType.IPV4 -> etherType = EtherType.IPV4;
            case LinkType.IPV6 -> etherType = EtherType.IPV6;
            default -> {
                return row;
            }
        }
        decodeNetwork(buffer, offset, at, end, reportedEnd, etherType, row, table);
        return row;
    }

    /** Raw IP carries no type: the version nibble says which IP it is. */
    private static int ipEtherType(byte[] b, int at) {
        return switch (Bytes.u8(b, at) >>> 4) {
            case 4 -> EtherType.IPV4;
            case 6 -> EtherType.IPV6;
            default -> -1;
        };
    }

    private static void decodeNetwork(byte[] b, int frameStart, int at, int end, long reportedEnd, int etherType,
            int row, PacketTable table) {
        for (int depth = 0; depth < MAX_IP_NESTING; depth++) {
            int protocol;
            int transportAt;
            long ipEnd;
            if (etherType == EtherType.ARP) {
                if (end - at >= Arp.FIXED_LENGTH) {
                    table.setNetwork(row, PacketTable.NETWORK_ARP, at - frameStart);
                } else {
                    table.addStatus(row, PacketTable.STATUS_MALFORMED);
                }
                return;
            } else if (etherType == EtherType.IPV4) {
                if (end - at < Ipv4.MIN_HEADER_LENGTH || Ipv4.version(b, at) != 4
                        || Ipv4.headerLength(b, at) < Ipv4.MIN_HEADER_LENGTH) {
                    table.addStatus(row, PacketTable.STATUS_MALFORMED);
                    return;
                }
                table.setNetwork(row, PacketTable.NETWORK_IPV4, at - frameStart);
                int headerLength = Ipv4.headerLength(b, at);
                int totalLength = Ipv4.totalLength(b, at);
                if (totalLength == 0) {
                    // TCP segmentation offload leaves 0 here; Wireshark then uses the frame's length.
                    ipEnd = reportedEnd;
                } else if (totalLength < headerLength) {
                    table.addStatus(row, PacketTable.STATUS_MALFORMED);
                    return;
                } else {
                    ipEnd = Math.min(reportedEnd, (long) at + totalLength);
                }
                protocol = Ipv4.protocol(b, at);
                transportAt = at + headerLength;
                if (Ipv4.fragmentOffset(b, at) != 0) {
                    table.addStatus(row, PacketTable.STATUS_IP_FRAGMENT);
                    return;
                }
                if (Ipv4.moreFragments(b, at)) {
                    // A first fragment: its transport header is here, its length is the fragment's.
                    table.addStatus(row, PacketTable.STATUS_IP_FRAGMENT);
                }
            } else if (etherType == EtherType.IPV6) {
                if (end - at < Ipv6.HEADER_LENGTH || Ipv6.version(b, at) != 6) {
                    table.addStatus(row, PacketTable.STATUS_MALFORMED);
                    return;
                }
                table.setNetwork(row, PacketTable.NETWORK_IPV6, at - frameStart);
                int payloadLength = Ipv6.payloadLength(b, at);
                // A zero payload length is a jumbogram (RFC 2675) or offload: bounded by the frame instead.
                ipEnd = payloadLength == 0 ? reportedEnd
                        : Math.min(reportedEnd, (long) at + Ipv6.HEADER_LENGTH + payloadLength);
                protocol = Ipv6.nextHeader(b, at);
                transportAt = at + Ipv6.HEADER_LENGTH;
                while (Ipv6.isExtensionHeader(protocol)) {
                    if (end - transportAt < 2 || protocol == IpProtocol.FRAGMENT && end - transportAt < 8) {
                        table.addStatus(row, PacketTable.STATUS_TRANSPORT_TRUNCATED);
                        return;
                    }
                    if (protocol == IpProtocol.FRAGMENT && Ipv6.fragmentOffset(b, transportAt) != 0) {
                        table.addStatus(row, PacketTable.STATUS_IP_FRAGMENT);
                        return;
                    }
                    if (protocol == IpProtocol.FRAGMENT && Ipv6.fragmentMore(b, transportAt)) {
                        table.addStatus(row, PacketTable.STATUS_IP_FRAGMENT);
                    }
                    int next = Ipv6.extensionNextHeader(b, transportAt);
                    transportAt += Ipv6.extensionLength(b, transportAt, protocol);
                    protocol = next;
                    if (transportAt > ipEnd) {
                        table.addStatus(row, PacketTable.STATUS_MALFORMED);
                        return;
                    }
                }
            } else {
                return;
            }
            if (protocol == IpProtocol.IPV4 || protocol == IpProtocol.IPV6) {
                // IP in IP: the conversation is the inner datagram's, as tshark's tcp.stream keys it.
                etherType = protocol == IpProtocol.IPV4 ? EtherType.IPV4 : EtherType.IPV6;
                at = transportAt;
                end = (int) Math.min(end, ipEnd);
                reportedEnd = ipEnd;
                continue;
            }
            decodeTransport(b, frameStart, transportAt, end, (int) (ipEnd - transportAt), protocol, row, table);
            return;
        }
        table.addStatus(row, PacketTable.STATUS_MALFORMED);
    }

    private static void decodeTransport(byte[] b, int frameStart, int at, int end, int ipPayloadLength,
            int protocol, int row, PacketTable table) {
        table.setTransport(row, protocol, at - frameStart);
        if (protocol == IpProtocol.TCP) {
            TcpSummary.fill(b, at, end, ipPayloadLength, row, table);
        } else if (protocol == IpProtocol.UDP) {
            UdpSummary.fill(b, at, end, row, table);
        }
    }
}

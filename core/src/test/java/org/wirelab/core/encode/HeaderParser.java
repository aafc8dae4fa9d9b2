package org.wirelab.core.encode;

import org.wirelab.core.protocol.ipv6.Ipv6ExtensionHeader;
import org.wirelab.core.protocol.ipv6.Ipv6Header;
import org.wirelab.core.protocol.ipv4.Ipv4Header;
import org.wirelab.core.protocol.loopback.NoLinkHeader;
import org.wirelab.core.protocol.loopback.NullHeader;
import org.wirelab.core.protocol.sll.LinuxSll2Header;
import org.wirelab.core.protocol.sll.LinuxSllHeader;
import org.wirelab.core.protocol.vlan.VlanTag;
import org.wirelab.core.protocol.ethernet.EthernetHeader;
import static org.wirelab.core.header.Bytes.u16;
import static org.wirelab.core.header.Bytes.u8;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.wirelab.core.protocol.udp.UdpHeader;
import org.wirelab.core.protocol.tcp.TcpOption;
import org.wirelab.core.protocol.tcp.TcpHeader;
import org.wirelab.core.frame.LinkType;
import org.wirelab.core.protocol.loopback.BsdLoopback;
import org.wirelab.core.header.EtherType;
import org.wirelab.core.protocol.ethernet.Ethernet;
import org.wirelab.core.header.IpProtocol;
import org.wirelab.core.protocol.ipv4.Ipv4;
import org.wirelab.core.protocol.ipv6.Ipv6;
import org.wirelab.core.protocol.sll.LinuxSll;
import org.wirelab.core.protocol.sll.LinuxSll2;
import org.wirelab.core.protocol.tcp.Tcp;
import org.wirelab.core.protocol.udp.Udp;
import org.wirelab.core.protocol.vlan.Vlan;

/**
 * Reads a frame's headers into the encoder's records, every field kept as found (lengths and
 * checksums too), so that {@link FrameEncoder} gives the same bytes back. Where a header is cut short or
 * inconsistent, parsing stops: the rest of the frame becomes payload and {@link ParsedFrame} says why.
 * Never throws on bad bytes. The layouts are read through {@code org.wirelab.core.header}, the
 * accessors the decoders use, so the encoder's records and the decoded fields agree by construction.
 */
public final class HeaderParser {
    private static final byte[] NONE = new byte[0];

    private HeaderParser() {
    }

    public static ParsedFrame parse(int linkType, byte[] frame) {
        return parse(linkType, frame, 0, frame.length);
    }

    public static ParsedFrame parse(int linkType, byte[] bytes, int offset, int length) {
        return new Walk(bytes, offset, offset + length).run(linkType);
    }

    /** One frame's parse: a cursor over {@code [start, end)} of the buffer. */
    private static final class Walk {
        private final byte[] b;
        private final int start;
        private final int end;
        private LinkHeader link;
        private NetworkHeader network;
        private TransportHeader transport;
        private String problem;
        private int problemAt = -1;

        Walk(byte[] bytes, int start, int end) {
            this.b = bytes;
            this.start = start;
            this.end = end;
        }

        ParsedFrame run(int linkType) {
            int at = link(linkType);
            if (link == null) {
                return new ParsedFrame(Optional.empty(), problem, problemAt);
            }
            int etherType = link.protocol();
            if (link instanceof NoLinkHeader && end > at) {
                int version = u8(b, at) >>> 4;
                etherType = version == 4 ? 0x0800 : version == 6 ? 0x86dd : Computed.VALUE;
            }
            int upperEnd = end;
            int datagramEnd = end;
            if (etherType == 0x0800) {
                int[] bounds = ipv4(at);
                if (bounds != null) {
                    at = bounds[0];
                    datagramEnd = bounds[1];
                    upperEnd = Math.min(end, datagramEnd);
                    if (bounds[2] >= 0) {
                        at = transport(at, upperEnd, bounds[2]);
                    }
                }
            } else if (etherType == 0x86dd) {
                int[] bounds = ipv6(at);
                if (bounds != null) {
                    at = bounds[0];
                    datagramEnd = bounds[1];
                    upperEnd = Math.min(end, datagramEnd);
                    if (bounds[2] >= 0) {
                        at = transport(at, upperEnd, bounds[2]);
                    }
                }
            }
            // A datagram length that ends inside the headers leaves no payload; the rest is trailer.
            upperEnd = Math.max(upperEnd, at);
            byte[] payload = Arrays.copyOfRange(b, at, upperEnd);
            byte[] trailer = upperEnd < end ? Arrays.copyOfRange(b, upperEnd, end) : NONE;
            FrameLayers layers = new FrameLayers(link, network, transport, payload, trailer);
            return new ParsedFrame(Optional.of(layers), problem, problemAt);
        }

        private void stop(int at, String why) {
            if (problem == null) {
                problem = why;
                problemAt = at - start;
            }
        }

        private boolean need(int at, int count, String what) {
            if (at + count <= end) {
                return true;
            }
            stop(at, what + " needs " + count + " bytes, " + Math.max(0, end - at) + " captured");
            return false;
        }

        /** Parses the link header and returns where the network header starts. */
        private int link(int linkType) {
            int at = start;
            switch (linkType) {
                case LinkType.ETHERNET -> {
                    if (!need(at, Ethernet.HEADER_LENGTH, "Ethernet header")) {
                        return at;
                    }
                    byte[] destination = Arrays.copyOfRange(b, at + Ethernet.DESTINATION, at + Ethernet.DESTINATION
                            + Ethernet.MAC_LENGTH);
                    byte[] source = Arrays.copyOfRange(b, at + Ethernet.SOURCE, at + Ethernet.SOURCE
                            + Ethernet.MAC_LENGTH);
                    int type = Ethernet.etherType(b, at);
                    if (type == EtherType.VLAN) {
                        if (!need(at, Ethernet.HEADER_LENGTH + Vlan.TAG_LENGTH, "802.1Q-tagged Ethernet header")) {
                            return at;
                        }
                        int tag = at + Ethernet.HEADER_LENGTH;
                        link = new EthernetHeader(destination, source, new VlanTag(Vlan.priority(b, tag),
                                Vlan.dropEligible(b, tag) == 1, Vlan.id(b, tag)), Vlan.etherType(b, tag));
                        return tag + Vlan.TAG_LENGTH;
                    }
                    link = new EthernetHeader(destination, source, null, type);
                    return at + Ethernet.HEADER_LENGTH;
                }
                case LinkType.NULL, LinkType.LOOP -> {
                    if (!need(at, BsdLoopback.HEADER_LENGTH, "loopback header")) {
                        return at;
                    }
                    link = new NullHeader(linkType, BsdLoopback.family(b, at, linkType) & 0xffffffffL,
                            !BsdLoopback.littleEndian(b, at, linkType));
                    return at + BsdLoopback.HEADER_LENGTH;
                }
                case LinkType.LINUX_SLL -> {
                    if (!need(at, LinuxSll.HEADER_LENGTH, "Linux cooked header")) {
                        return at;
                    }
                    link = new LinuxSllHeader(u16(b, at + LinuxSll.PACKET_TYPE), u16(b, at + LinuxSll.ARPHRD_TYPE),
                            u16(b, at + LinuxSll.ADDRESS_LENGTH), Arrays.copyOfRange(b, at + LinuxSll.ADDRESS,
                            at + LinuxSll.ADDRESS + LinuxSll.ADDRESS_FIELD_LENGTH), LinuxSll.protocol(b, at));
                    return at + LinuxSll.HEADER_LENGTH;
                }
                case LinkType.LINUX_SLL2 -> {
                    if (!need(at, LinuxSll2.HEADER_LENGTH, "Linux cooked v2 header")) {
                        return at;
                    }
                    link = new LinuxSll2Header(LinuxSll2.protocol(b, at), u16(b, at + LinuxSll2.RESERVED),
                            u32(at + LinuxSll2.INTERFACE_INDEX), u16(b, at + LinuxSll2.ARPHRD_TYPE),
                            u8(b, at + LinuxSll2.PACKET_TYPE), u8(b, at + LinuxSll2.ADDRESS_LENGTH),
                            Arrays.copyOfRange(b, at + LinuxSll2.ADDRESS, at + LinuxSll2.ADDRESS
                                    + LinuxSll2.ADDRESS_FIELD_LENGTH));
                    return at + LinuxSll2.HEADER_LENGTH;
                }
                case LinkType.RAW, LinkType.IPV4, LinkType.IPV6 -> {
                    link = new NoLinkHeader(linkType);
                    return at;
                }
                default -> {
                    stop(at, "unsupported link type " + linkType);
                    return at;
                }
            }
        }

        /** Returns {header end, datagram end, transport protocol or -1}, or null when not parsed. */
        private int[] ipv4(int at) {
            if (!need(at, Ipv4.MIN_HEADER_LENGTH, "IPv4 header")) {
                return null;
            }
            int headerLength = Ipv4.headerLength(b, at);
            if (Ipv4.version(b, at) != 4 || headerLength < Ipv4.MIN_HEADER_LENGTH) {
                stop(at, "not an IPv4 header: version " + Ipv4.version(b, at) + ", header length " + headerLength);
                return null;
            }
            if (!need(at, headerLength, "IPv4 header with options")) {
                return null;
            }
            int totalLength = Ipv4.totalLength(b, at);
            int fragmentOffset = Ipv4.fragmentOffset(b, at);
            network = new Ipv4Header(Ipv4.dscp(b, at), Ipv4.ecn(b, at), totalLength, Ipv4.identification(b, at),
                    Ipv4.flagsAndFragment(b, at) >>> 13, fragmentOffset, Ipv4.ttl(b, at), Ipv4.protocol(b, at),
                    Ipv4.checksum(b, at), address(at + Ipv4.SOURCE, Ipv4.ADDRESS_LENGTH),
                    address(at + Ipv4.DESTINATION, Ipv4.ADDRESS_LENGTH),
                    Arrays.copyOfRange(b, at + Ipv4.MIN_HEADER_LENGTH, at + headerLength));
            // A total length below the header's (0 under TCP segmentation offload) bounds nothing.
            int datagramEnd = totalLength < headerLength ? end : at + totalLength;
            return new int[] {at + headerLength, datagramEnd, fragmentOffset != 0 ? -1 : Ipv4.protocol(b, at)};
        }

        private int[] ipv6(int at) {
            if (!need(at, Ipv6.HEADER_LENGTH, "IPv6 header")) {
                return null;
            }
            if (Ipv6.version(b, at) != 6) {
                stop(at, "not an IPv6 header: version " + Ipv6.version(b, at));
                return null;
            }
            int payloadLength = Ipv6.payloadLength(b, at);
            int nextHeader = Ipv6.nextHeader(b, at);
            int cursor = at + Ipv6.HEADER_LENGTH;
            List<Ipv6ExtensionHeader> extensions = new ArrayList<>();
            int protocol = nextHeader;
            boolean laterFragment = false;
            while (Ipv6.isExtensionHeader(protocol)) {
                if (!need(cursor, Ipv6.EXTENSION_MIN_LENGTH, "IPv6 extension header " + protocol)) {
                    break;
                }
                int length = Ipv6.extensionLength(b, cursor, protocol);
                if (!need(cursor, length, "IPv6 extension header " + protocol)) {
                    break;
                }
                if (protocol == IpProtocol.FRAGMENT) {
                    laterFragment = Ipv6.fragmentOffset(b, cursor) != 0;
                }
                extensions.add(new Ipv6ExtensionHeader(protocol, Arrays.copyOfRange(b, cursor, cursor + length)));
                protocol = Ipv6.extensionNextHeader(b, cursor);
                cursor += length;
            }
            if (problem != null) {
                // The header chain was cut: keep the fixed header, the rest is payload.
                extensions.clear();
                cursor = at + Ipv6.HEADER_LENGTH;
                protocol = -1;
            }
            network = new Ipv6Header(Ipv6.trafficClass(b, at), Ipv6.flowLabel(b, at), payloadLength, nextHeader,
                    Ipv6.hopLimit(b, at), address(at + Ipv6.SOURCE, Ipv6.ADDRESS_LENGTH),
                    address(at + Ipv6.DESTINATION, Ipv6.ADDRESS_LENGTH), extensions);
            // A payload length of 0 with a jumbo payload option (RFC 2675) bounds nothing.
            int datagramEnd = payloadLength == 0 && !extensions.isEmpty() ? end
                    : at + Ipv6.HEADER_LENGTH + payloadLength;
            return new int[] {cursor, datagramEnd, laterFragment ? -1 : protocol};
        }

        private byte[] address(int at, int length) {
            return Arrays.copyOfRange(b, at, at + length);
        }

        /** Parses a TCP or UDP header in {@code [at, upperEnd)} and returns where the payload starts. */
        private int transport(int at, int upperEnd, int protocol) {
            if (protocol == IpProtocol.TCP) {
                if (at + Tcp.MIN_HEADER_LENGTH > upperEnd) {
                    stop(at, "TCP header needs 20 bytes, " + Math.max(0, upperEnd - at) + " in the datagram");
                    return at;
                }
                int headerLength = Tcp.headerLength(b, at);
                if (headerLength < Tcp.MIN_HEADER_LENGTH) {
                    stop(at + Tcp.DATA_OFFSET_FLAGS, "TCP data offset " + headerLength
                            + " is below the 20-byte minimum");
                    return at;
                }
                if (at + headerLength > upperEnd) {
                    stop(at, "TCP header claims " + headerLength + " bytes, " + (upperEnd - at) + " captured");
                    return at;
                }
                transport = new TcpHeader(Tcp.sourcePort(b, at), Tcp.destinationPort(b, at),
                        Integer.toUnsignedLong(Tcp.sequenceNumber(b, at)),
                        Integer.toUnsignedLong(Tcp.acknowledgmentNumber(b, at)), Tcp.flags(b, at), Tcp.window(b, at),
                        Tcp.checksum(b, at), Tcp.urgentPointer(b, at),
                        tcpOptions(at + Tcp.MIN_HEADER_LENGTH, at + headerLength));
                return at + headerLength;
            }
            if (protocol == IpProtocol.UDP) {
                if (at + Udp.HEADER_LENGTH > upperEnd) {
                    stop(at, "UDP header needs 8 bytes, " + Math.max(0, upperEnd - at) + " in the datagram");
                    return at;
                }
                transport = new UdpHeader(Udp.sourcePort(b, at), Udp.destinationPort(b, at), Udp.length(b, at),
                        Udp.checksum(b, at));
                return at + Udp.HEADER_LENGTH;
            }
            return at;
        }

        private List<TcpOption> tcpOptions(int at, int optionsEnd) {
            // Unlike Wireshark, the walk goes on after EOL: the padding bytes are kept, as EOLs, to be re-encoded.
            List<TcpOption> options = new ArrayList<>();
            while (at < optionsEnd) {
                int length = Tcp.optionLength(b, at, optionsEnd);
                if (length < 0) {
                    options.add(new TcpOption.Malformed(Arrays.copyOfRange(b, at, optionsEnd)));
                    break;
                }
                options.add(tcpOption(u8(b, at), at, length));
                at += length;
            }
            return options;
        }

        private TcpOption tcpOption(int kind, int at, int length) {
            switch (kind) {
                case Tcp.OPTION_EOL:
                    return new TcpOption.Eol();
                case Tcp.OPTION_NOP:
                    return new TcpOption.Nop();
                case Tcp.OPTION_MSS:
                    if (length == 4) {
                        return new TcpOption.MaximumSegmentSize(u16(b, at + 2));
                    }
                    break;
                case Tcp.OPTION_WINDOW_SCALE:
                    if (length == 3) {
                        return new TcpOption.WindowScale(u8(b, at + 2));
                    }
                    break;
                case Tcp.OPTION_SACK_PERMITTED:
                    if (length == 2) {
                        return new TcpOption.SackPermitted();
                    }
                    break;
                case Tcp.OPTION_SACK:
                    if (length >= 10 && length <= 34 && (length - 2) % 8 == 0) {
                        List<TcpOption.SackBlock> blocks = new ArrayList<>();
                        for (int i = at + 2; i < at + length; i += 8) {
                            blocks.add(new TcpOption.SackBlock(u32(i), u32(i + 4)));
                        }
                        return new TcpOption.Sack(blocks);
                    }
                    break;
                case Tcp.OPTION_TIMESTAMPS:
                    if (length == 10) {
                        return new TcpOption.Timestamps(u32(at + 2), u32(at + 6));
                    }
                    break;
                default:
                    break;
            }
            return new TcpOption.Unknown(kind, Arrays.copyOfRange(b, at + 2, at + length));
        }

        private long u32(int at) {
            return Integer.toUnsignedLong(org.wirelab.core.header.Bytes.u32(b, at));
        }
    }
}

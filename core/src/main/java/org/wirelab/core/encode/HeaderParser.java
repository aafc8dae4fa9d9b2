package org.wirelab.core.encode;

import static org.wirelab.core.encode.Bytes.u16;
import static org.wirelab.core.encode.Bytes.u32;
import static org.wirelab.core.encode.Bytes.u8;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.wirelab.core.frame.LinkType;

/**
 * Reads a frame's headers into the encoder's records, every field kept as found (lengths and
 * checksums too), so that {@link FrameEncoder} gives the same bytes back. Where a header is cut short or
 * inconsistent, parsing stops: the rest of the frame becomes payload and {@link ParsedFrame} says why.
 * Never throws on bad bytes.
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
                    if (!need(at, 14, "Ethernet header")) {
                        return at;
                    }
                    byte[] destination = Arrays.copyOfRange(b, at, at + 6);
                    byte[] source = Arrays.copyOfRange(b, at + 6, at + 12);
                    int type = u16(b, at + 12);
                    if (type == VlanTag.TPID) {
                        if (!need(at, 18, "802.1Q-tagged Ethernet header")) {
                            return at;
                        }
                        link = new EthernetHeader(destination, source, VlanTag.fromTci(u16(b, at + 14)),
                                u16(b, at + 16));
                        return at + 18;
                    }
                    link = new EthernetHeader(destination, source, null, type);
                    return at + 14;
                }
                case LinkType.NULL, LinkType.LOOP -> {
                    if (!need(at, 4, "loopback header")) {
                        return at;
                    }
                    long family = u32(b, at);
                    // LINKTYPE_NULL is in the capturing host's byte order: a family never needs the
                    // upper 16 bits, so set ones mean a little-endian host (as Wireshark decides).
                    boolean bigEndian = linkType == LinkType.LOOP || (family & 0xffff0000L) == 0;
                    if (!bigEndian) {
                        family = Integer.reverseBytes((int) family) & 0xffffffffL;
                    }
                    link = new NullHeader(linkType, family, bigEndian);
                    return at + 4;
                }
                case LinkType.LINUX_SLL -> {
                    if (!need(at, 16, "Linux cooked header")) {
                        return at;
                    }
                    link = new LinuxSllHeader(u16(b, at), u16(b, at + 2), u16(b, at + 4),
                            Arrays.copyOfRange(b, at + 6, at + 14), u16(b, at + 14));
                    return at + 16;
                }
                case LinkType.LINUX_SLL2 -> {
                    if (!need(at, 20, "Linux cooked v2 header")) {
                        return at;
                    }
                    link = new LinuxSll2Header(u16(b, at), u16(b, at + 2), u32(b, at + 4), u16(b, at + 8),
                            u8(b, at + 10), u8(b, at + 11), Arrays.copyOfRange(b, at + 12, at + 20));
                    return at + 20;
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
            if (!need(at, 20, "IPv4 header")) {
                return null;
            }
            int versionIhl = u8(b, at);
            int headerLength = 4 * (versionIhl & 0x0f);
            if (versionIhl >>> 4 != 4 || headerLength < 20) {
                stop(at, "not an IPv4 header: version " + (versionIhl >>> 4) + ", header length " + headerLength);
                return null;
            }
            if (!need(at, headerLength, "IPv4 header with options")) {
                return null;
            }
            int totalLength = u16(b, at + 2);
            int flagsOffset = u16(b, at + 6);
            network = new Ipv4Header(u8(b, at + 1) >>> 2, u8(b, at + 1) & 3, totalLength, u16(b, at + 4),
                    flagsOffset >>> 13, flagsOffset & 0x1fff, u8(b, at + 8), u8(b, at + 9), u16(b, at + 10),
                    Arrays.copyOfRange(b, at + 12, at + 16), Arrays.copyOfRange(b, at + 16, at + 20),
                    Arrays.copyOfRange(b, at + 20, at + headerLength));
            // A total length below the header's (0 under TCP segmentation offload) bounds nothing.
            int datagramEnd = totalLength < headerLength ? end : at + totalLength;
            boolean laterFragment = (flagsOffset & 0x1fff) != 0;
            return new int[] {at + headerLength, datagramEnd, laterFragment ? -1 : u8(b, at + 9)};
        }

        private int[] ipv6(int at) {
            if (!need(at, 40, "IPv6 header")) {
                return null;
            }
            long first = u32(b, at);
            if (first >>> 28 != 6) {
                stop(at, "not an IPv6 header: version " + (first >>> 28));
                return null;
            }
            int payloadLength = u16(b, at + 4);
            int nextHeader = u8(b, at + 6);
            int cursor = at + 40;
            List<Ipv6ExtensionHeader> extensions = new ArrayList<>();
            int protocol = nextHeader;
            boolean laterFragment = false;
            while (isExtension(protocol)) {
                if (!need(cursor, 8, "IPv6 extension header " + protocol)) {
                    break;
                }
                int length = protocol == 44 ? 8 : protocol == 51 ? 4 * (u8(b, cursor + 1) + 2)
                        : 8 * (u8(b, cursor + 1) + 1);
                if (!need(cursor, length, "IPv6 extension header " + protocol)) {
                    break;
                }
                if (protocol == 44) {
                    laterFragment = (u16(b, cursor + 2) >>> 3) != 0;
                }
                extensions.add(new Ipv6ExtensionHeader(protocol, Arrays.copyOfRange(b, cursor, cursor + length)));
                protocol = u8(b, cursor);
                cursor += length;
            }
            if (problem != null) {
                // The header chain was cut: keep the fixed header, the rest is payload.
                extensions.clear();
                cursor = at + 40;
                protocol = -1;
            }
            network = new Ipv6Header((int) (first >>> 20) & 0xff, (int) first & 0xfffff, payloadLength, nextHeader,
                    u8(b, at + 7), Arrays.copyOfRange(b, at + 8, at + 24), Arrays.copyOfRange(b, at + 24, at + 40),
                    extensions);
            // A payload length of 0 with a jumbo payload option (RFC 2675) bounds nothing.
            int datagramEnd = payloadLength == 0 && !extensions.isEmpty() ? end : at + 40 + payloadLength;
            return new int[] {cursor, datagramEnd, laterFragment ? -1 : protocol};
        }

        private static boolean isExtension(int protocol) {
            // RFC 8200 section 4 and the IANA list: hop-by-hop, routing, fragment, ESP excluded (opaque),
            // AH, destination options, mobility, HIP, shim6, experimental.
            return switch (protocol) {
                case 0, 43, 44, 51, 60, 135, 139, 140, 253, 254 -> true;
                default -> false;
            };
        }

        /** Parses a TCP or UDP header in {@code [at, upperEnd)} and returns where the payload starts. */
        private int transport(int at, int upperEnd, int protocol) {
            if (protocol == TcpHeader.PROTOCOL) {
                if (at + 20 > upperEnd) {
                    stop(at, "TCP header needs 20 bytes, " + Math.max(0, upperEnd - at) + " in the datagram");
                    return at;
                }
                int offsetFlags = u16(b, at + 12);
                int headerLength = 4 * (offsetFlags >>> 12);
                if (headerLength < 20) {
                    stop(at + 12, "TCP data offset " + headerLength + " is below the 20-byte minimum");
                    return at;
                }
                if (at + headerLength > upperEnd) {
                    stop(at, "TCP header claims " + headerLength + " bytes, " + (upperEnd - at) + " captured");
                    return at;
                }
                transport = new TcpHeader(u16(b, at), u16(b, at + 2), u32(b, at + 4), u32(b, at + 8),
                        offsetFlags & 0xfff, u16(b, at + 14), u16(b, at + 16), u16(b, at + 18),
                        tcpOptions(at + 20, at + headerLength));
                return at + headerLength;
            }
            if (protocol == UdpHeader.PROTOCOL) {
                if (at + 8 > upperEnd) {
                    stop(at, "UDP header needs 8 bytes, " + Math.max(0, upperEnd - at) + " in the datagram");
                    return at;
                }
                transport = new UdpHeader(u16(b, at), u16(b, at + 2), u16(b, at + 4), u16(b, at + 6));
                return at + 8;
            }
            return at;
        }

        private List<TcpOption> tcpOptions(int at, int optionsEnd) {
            List<TcpOption> options = new ArrayList<>();
            while (at < optionsEnd) {
                int kind = u8(b, at);
                if (kind == 0) {
                    options.add(new TcpOption.Eol());
                    at++;
                    continue;
                }
                if (kind == 1) {
                    options.add(new TcpOption.Nop());
                    at++;
                    continue;
                }
                int length = at + 1 < optionsEnd ? u8(b, at + 1) : 0;
                if (length < 2 || at + length > optionsEnd) {
                    options.add(new TcpOption.Malformed(Arrays.copyOfRange(b, at, optionsEnd)));
                    break;
                }
                options.add(tcpOption(kind, at, length));
                at += length;
            }
            return options;
        }

        private TcpOption tcpOption(int kind, int at, int length) {
            if (kind == 2 && length == 4) {
                return new TcpOption.MaximumSegmentSize(u16(b, at + 2));
            }
            if (kind == 3 && length == 3) {
                return new TcpOption.WindowScale(u8(b, at + 2));
            }
            if (kind == 4 && length == 2) {
                return new TcpOption.SackPermitted();
            }
            if (kind == 5 && length >= 10 && length <= 34 && (length - 2) % 8 == 0) {
                List<TcpOption.SackBlock> blocks = new ArrayList<>();
                for (int i = at + 2; i < at + length; i += 8) {
                    blocks.add(new TcpOption.SackBlock(u32(b, i), u32(b, i + 4)));
                }
                return new TcpOption.Sack(blocks);
            }
            if (kind == 8 && length == 10) {
                return new TcpOption.Timestamps(u32(b, at + 2), u32(b, at + 6));
            }
            return new TcpOption.Unknown(kind, Arrays.copyOfRange(b, at + 2, at + length));
        }
    }
}

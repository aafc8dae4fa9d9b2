package org.wirelab.core.decode.network;

import java.util.ArrayList;
import java.util.List;
import org.wirelab.core.decode.Field;
import org.wirelab.core.decode.LayerBuilder;
import org.wirelab.core.decode.Next;
import org.wirelab.core.decode.ProtocolDecoder;
import org.wirelab.core.decode.PseudoHeader;
import org.wirelab.core.decode.Slice;
import org.wirelab.core.decode.Step;
import org.wirelab.core.header.Bytes;
import org.wirelab.core.header.IpProtocol;
import org.wirelab.core.header.Ipv6;
import org.wirelab.core.net.AddressText;

/**
 * IPv6 (RFC 8200): the fixed header, then every extension header (Hop-by-Hop, Routing, Fragment,
 * Destination Options, AH) walked as a subtree of this layer. ESP and "no next header" end the walk;
 * a non-first fragment's payload is not decoded.
 */
public final class Ipv6Decoder implements ProtocolDecoder {

    @Override
    public Step decode(Slice slice) {
        byte[] b = slice.bytes();
        int o = slice.offset();
        LayerBuilder layer = new LayerBuilder("IPv6", 3, b, o);
        String title = "Internet Protocol Version 6";
        if (!slice.has(Ipv6.HEADER_LENGTH)) {
            layer.error(o, slice.captured(), "IPv6 header needs 40 bytes, " + slice.captured() + " captured");
            return Step.last(layer.build(slice.end(), title, "IPv6 (truncated)"));
        }
        int version = Ipv6.version(b, o);
        // Wireshark also files the version under ip.version (a hidden field), so "-e ip.version" prints 6.
        layer.add(layer.bits("ipv6.version", "Version", o, 1, 0xf0, version, Integer.toString(version))
                .withChildren(List.of(layer.bits("ip.version", "Version", o, 1, 0xf0, version,
                        Integer.toString(version)))));
        if (version != 6) {
            layer.error(o, 1, "IP version " + version + " in an IPv6 header");
            return Step.last(layer.build(o + 1, title, "IPv6 (bad version " + version + ")"));
        }
        int trafficClass = Ipv6.trafficClass(b, o);
        layer.add(layer.hexBits("ipv6.tclass", "Traffic Class", o, 4, 0x0ff00000L, trafficClass, 8, "")
                .withChildren(List.of(
                        layer.bits("ipv6.tclass.dscp", "Differentiated Services Codepoint", o, 4, 0x0fc00000L,
                                trafficClass >>> 2, Integer.toString(trafficClass >>> 2)),
                        layer.bits("ipv6.tclass.ecn", "Explicit Congestion Notification", o, 4, 0x00300000L,
                                trafficClass & 3, Integer.toString(trafficClass & 3)))));
        layer.add(layer.hexBits("ipv6.flow", "Flow Label", o, 4, 0x000fffffL, Ipv6.flowLabel(b, o), 6, ""));
        int payloadLength = Ipv6.payloadLength(b, o);
        layer.add(layer.uint("ipv6.plen", "Payload Length", o + Ipv6.PAYLOAD_LENGTH, 2, payloadLength));
        int nextHeader = Ipv6.nextHeader(b, o);
        layer.add(layer.uint("ipv6.nxt", "Next Header", o + Ipv6.NEXT_HEADER, 1, nextHeader,
                IpProtocol.name(nextHeader) + " (" + nextHeader + ")"));
        layer.add(layer.uint("ipv6.hlim", "Hop Limit", o + Ipv6.HOP_LIMIT, 1, Ipv6.hopLimit(b, o)));
        String source = AddressText.ipv6(b, o + Ipv6.SOURCE);
        String destination = AddressText.ipv6(b, o + Ipv6.DESTINATION);
        layer.add(layer.string("ipv6.src", "Source Address", o + Ipv6.SOURCE, 16, source));
        layer.add(layer.string("ipv6.dst", "Destination Address", o + Ipv6.DESTINATION, 16, destination));
        title = "Internet Protocol Version 6, Src: " + source + ", Dst: " + destination;

        int datagramLength = Ipv6.HEADER_LENGTH + payloadLength;
        if (payloadLength == 0 && nextHeader == IpProtocol.HOP_BY_HOP) {
            datagramLength = slice.length(); // a jumbogram (RFC 2675) carries its length in an option
        } else if (datagramLength > slice.length() && !slice.embedded()) {
            layer.warning(o + Ipv6.PAYLOAD_LENGTH, 2, "IPv6 payload length " + payloadLength + " exceeds the "
                    + (slice.length() - Ipv6.HEADER_LENGTH) + " bytes left in the frame");
            datagramLength = slice.length();
        }
        int end = o + datagramLength;
        int at = o + Ipv6.HEADER_LENGTH;
        int protocol = nextHeader;
        boolean laterFragment = false;
        boolean firstFragment = false;
        while (Ipv6.isExtensionHeader(protocol)) {
            int minimum = protocol == IpProtocol.FRAGMENT ? 8 : 2;
            if (slice.end() - at < minimum) {
                layer.error(at, Math.max(0, slice.end() - at), IpProtocol.name(protocol)
                        + " header not captured");
                return Step.last(layer.build(Math.min(at, slice.end()), title, summary(source, destination,
                        protocol)));
            }
            int length = Ipv6.extensionLength(b, at, protocol);
            if (at + length > end) {
                layer.error(at, Math.min(length, slice.end() - at), IpProtocol.name(protocol) + " header claims "
                        + length + " bytes, " + Math.max(0, end - at) + " left in the datagram");
                return Step.last(layer.build(Math.min(at, slice.end()), title, summary(source, destination,
                        protocol)));
            }
            int captured = Math.min(length, slice.end() - at);
            layer.add(extensionHeader(layer, b, at, length, captured, protocol));
            if (protocol == IpProtocol.FRAGMENT && Ipv6.fragmentOffset(b, at) == 0 && Ipv6.fragmentMore(b, at)) {
                firstFragment = true;
            }
            if (protocol == IpProtocol.FRAGMENT && Ipv6.fragmentOffset(b, at) != 0) {
                laterFragment = true;
                layer.note(at + 2, 2, "fragment at offset " + Ipv6.fragmentOffset(b, at) * 8 + ": not decoded");
            }
            protocol = Ipv6.extensionNextHeader(b, at);
            at += length;
            if (laterFragment) {
                break;
            }
        }
        Slice payload = slice.sub(at, end - at).withPseudoHeader(new PseudoHeader(Ipv6.addressSum(b, o),
                isLoopback(b, o + Ipv6.SOURCE) && isLoopback(b, o + Ipv6.DESTINATION), true));
        if (firstFragment) {
            payload = payload.asFragment();
        }
        Next next = laterFragment || protocol == IpProtocol.NO_NEXT_HEADER ? Next.END
                : new Next.ByIpProtocol(protocol);
        return new Step(layer.build(Math.min(at, slice.end()), title,
                summary(source, destination, protocol)), next, payload);
    }

    private static String summary(String source, String destination, int protocol) {
        return "IPv6 " + source + " → " + destination + " " + IpProtocol.name(protocol);
    }

    private static boolean isLoopback(byte[] b, int at) {
        for (int i = 0; i < 15; i++) {
            if (b[at + i] != 0) {
                return false;
            }
        }
        return b[at + 15] == 1;
    }

    /** One extension header as a subtree, with Wireshark's field names for each kind. */
    private static Field extensionHeader(LayerBuilder layer, byte[] b, int at, int length, int captured, int type) {
        List<Field> fields = new ArrayList<>();
        int next = Bytes.u8(b, at);
        String nextText = IpProtocol.name(next) + " (" + next + ")";
        switch (type) {
            case IpProtocol.FRAGMENT -> {
                fields.add(layer.uint("ipv6.fraghdr.nxt", "Next header", at, 1, next, nextText));
                fields.add(layer.bits("ipv6.fraghdr.offset", "Offset", at + 2, 2, 0xfff8, Ipv6.fragmentOffset(b, at),
                        Integer.toString(Ipv6.fragmentOffset(b, at))));
                fields.add(layer.flag("ipv6.fraghdr.more", "More Fragments", at + 2, 2, 0x0001));
                fields.add(layer.hex("ipv6.fraghdr.ident", "Identification", at + 4, 4,
                        Integer.toUnsignedLong(Ipv6.fragmentIdentification(b, at))));
            }
            case IpProtocol.AH -> {
                fields.add(layer.uint("ah.next_header", "Next header", at, 1, next, nextText));
                fields.add(layer.uint("ah.length", "Length", at + 1, 1, Bytes.u8(b, at + 1),
                        length + " bytes"));
                if (captured >= 12) {
                    fields.add(layer.hex("ah.spi", "AH SPI", at + 4, 4, Integer.toUnsignedLong(Bytes.u32(b, at + 4))));
                    fields.add(layer.uint("ah.sequence", "AH Sequence", at + 8, 4,
                            Integer.toUnsignedLong(Bytes.u32(b, at + 8))));
                }
                if (captured > 12) {
                    fields.add(layer.data("ah.icv", "AH ICV", at + 12, captured - 12));
                }
            }
            default -> {
                String prefix = switch (type) {
                    case IpProtocol.HOP_BY_HOP -> "ipv6.hopopts";
                    case IpProtocol.ROUTING -> "ipv6.routing";
                    default -> "ipv6.dstopts";
                };
                fields.add(layer.uint(prefix + ".nxt", "Next Header", at, 1, next, nextText));
                fields.add(layer.uint(prefix + ".len", "Length", at + 1, 1, Bytes.u8(b, at + 1),
                        Bytes.u8(b, at + 1) + " (" + length + " bytes)"));
                if (type == IpProtocol.ROUTING && captured >= 4) {
                    fields.add(layer.uint("ipv6.routing.type", "Type", at + 2, 1, Bytes.u8(b, at + 2)));
                    fields.add(layer.uint("ipv6.routing.segleft", "Segments Left", at + 3, 1, Bytes.u8(b, at + 3)));
                } else if (captured > 2) {
                    fields.add(layer.data("", "Options", at + 2, captured - 2));
                }
            }
        }
        return layer.group("", IpProtocol.name(type) + " (" + length + " bytes)", at, captured, fields);
    }
}

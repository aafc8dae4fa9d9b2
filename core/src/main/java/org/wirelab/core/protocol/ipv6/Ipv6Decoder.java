package org.wirelab.core.protocol.ipv6;

import java.util.ArrayList;
import java.util.List;
import org.wirelab.core.decode.Field;
import org.wirelab.core.decode.HeaderField;
import org.wirelab.core.decode.LayerBuilder;
import org.wirelab.core.decode.Next;
import org.wirelab.core.decode.ProtocolDecoder;
import org.wirelab.core.decode.PseudoHeader;
import org.wirelab.core.decode.Slice;
import org.wirelab.core.decode.Step;
import org.wirelab.core.decode.Wording;
import org.wirelab.core.header.Bytes;
import org.wirelab.core.header.IpProtocol;
import org.wirelab.core.net.AddressText;
import org.wirelab.core.protocol.ipv4.Ipv4;

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
        LayerBuilder layer = new LayerBuilder(Ipv6.PROTOCOL_FIELD.layerName(), 3, b, o);
        Wording title = new Wording("ipv6.title", Wording.NO_VALUE);
        if (!slice.has(Ipv6.HEADER_LENGTH)) {
            layer.error(o, slice.captured(), "IPv6 header needs 40 bytes, " + slice.captured() + " captured");
            return Step.last(layer.build(slice.end(), title, "IPv6 (truncated)"));
        }
        int version = Ipv6.version(b, o);
        // Wireshark also files the version under ip.version (a hidden field), so "-e ip.version" prints 6.
        layer.add(layer.field(Ipv6.VERSION, o, 1).withChildren(List.of(layer.field(Ipv4.VERSION, o, 1))));
        if (version != 6) {
            layer.error(o, 1, "IP version " + version + " in an IPv6 header");
            return Step.last(layer.build(o + 1, title, "IPv6 (bad version " + version + ")"));
        }
        layer.add(layer.field(Ipv6.TCLASS, o, 4).withChildren(List.of(layer.field(Ipv6.TCLASS_DSCP, o, 4),
                layer.field(Ipv6.TCLASS_ECN, o, 4))));
        layer.add(Ipv6.FLOW, o, 4);
        int payloadLength = Ipv6.payloadLength(b, o);
        layer.add(Ipv6.PLEN, o + Ipv6.PAYLOAD_LENGTH, 2);
        int nextHeader = Ipv6.nextHeader(b, o);
        layer.add(nextHeaderField(layer, Ipv6.NXT, o + Ipv6.NEXT_HEADER, nextHeader));
        layer.add(Ipv6.HLIM, o + Ipv6.HOP_LIMIT, 1);
        String source = AddressText.ipv6(b, o + Ipv6.SOURCE);
        String destination = AddressText.ipv6(b, o + Ipv6.DESTINATION);
        layer.add(layer.address(Ipv6.SRC, o + Ipv6.SOURCE, Ipv6.ADDRESS_LENGTH));
        layer.add(layer.address(Ipv6.DST, o + Ipv6.DESTINATION, Ipv6.ADDRESS_LENGTH));
        title = new Wording("ipv6.title.addresses", Wording.NO_VALUE, source, destination);

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

    /** A next header field with the protocol's name, "UDP (17)". */
    private static Field nextHeaderField(LayerBuilder layer, HeaderField field, int at, int next) {
        return layer.field(field, at, 1, next, "value.named", Integer.toString(next), IpProtocol.word(next));
    }

    /** One extension header as a subtree, with Wireshark's field names for each kind. */
    private static Field extensionHeader(LayerBuilder layer, byte[] b, int at, int length, int captured, int type) {
        List<Field> fields = new ArrayList<>();
        int next = Bytes.u8(b, at);
        switch (type) {
            case IpProtocol.FRAGMENT -> {
                fields.add(nextHeaderField(layer, Ipv6.FRAGHDR_NXT, at, next));
                fields.add(layer.field(Ipv6.FRAGHDR_OFFSET, at + 2, 2));
                fields.add(layer.field(Ipv6.FRAGHDR_MORE, at + 2, 2));
                fields.add(layer.field(Ipv6.FRAGHDR_IDENT, at + 4, 4));
            }
            case IpProtocol.AH -> {
                fields.add(nextHeaderField(layer, Ipv6.AH_NEXT_HEADER, at, next));
                fields.add(layer.field(Ipv6.AH_LENGTH, at + 1, 1, Bytes.u8(b, at + 1), "value.bytes",
                        Integer.toString(length)));
                if (captured >= 12) {
                    fields.add(layer.field(Ipv6.AH_SPI, at + 4, 4));
                    fields.add(layer.field(Ipv6.AH_SEQUENCE, at + 8, 4));
                }
                if (captured > 12) {
                    fields.add(layer.data(Ipv6.AH_ICV, at + 12, captured - 12));
                }
            }
            default -> {
                HeaderField[] nextAndLength = switch (type) {
                    case IpProtocol.HOP_BY_HOP -> new HeaderField[] {Ipv6.HOPOPTS_NXT, Ipv6.HOPOPTS_LEN};
                    case IpProtocol.ROUTING -> new HeaderField[] {Ipv6.ROUTING_NXT, Ipv6.ROUTING_LEN};
                    default -> new HeaderField[] {Ipv6.DSTOPTS_NXT, Ipv6.DSTOPTS_LEN};
                };
                fields.add(nextHeaderField(layer, nextAndLength[0], at, next));
                fields.add(layer.field(nextAndLength[1], at + 1, 1, Bytes.u8(b, at + 1), "value.units_bytes",
                        Integer.toString(Bytes.u8(b, at + 1)), Integer.toString(length)));
                if (type == IpProtocol.ROUTING && captured >= 4) {
                    fields.add(layer.field(Ipv6.ROUTING_TYPE, at + 2, 1));
                    fields.add(layer.field(Ipv6.ROUTING_SEGLEFT, at + 3, 1));
                } else if (captured > 2) {
                    fields.add(layer.data(Ipv6.OPTIONS_DATA, at + 2, captured - 2));
                }
            }
        }
        return layer.group(Ipv6.EXTENSION_TITLE, at, captured, fields, IpProtocol.word(type), Integer.toString(length));
    }
}

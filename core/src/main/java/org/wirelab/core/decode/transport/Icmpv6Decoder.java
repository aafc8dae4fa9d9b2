package org.wirelab.core.decode.transport;

import org.wirelab.core.decode.LayerBuilder;
import org.wirelab.core.decode.Next;
import org.wirelab.core.decode.ProtocolDecoder;
import org.wirelab.core.decode.Slice;
import org.wirelab.core.decode.Step;
import org.wirelab.core.header.EtherType;
import org.wirelab.core.header.Icmp;
import org.wirelab.core.header.IpProtocol;
import org.wirelab.core.net.AddressText;

/**
 * ICMPv6 (RFC 4443, RFC 4861): type and code names, checksum with the IPv6 pseudo-header, echo identifier
 * and sequence, the neighbor discovery target, and for error messages the quoted IPv6 packet.
 */
public final class Icmpv6Decoder implements ProtocolDecoder {

    @Override
    public Step decode(Slice slice) {
        byte[] b = slice.bytes();
        int o = slice.offset();
        LayerBuilder layer = new LayerBuilder("ICMPv6", 3, b, o);
        String title = "Internet Control Message Protocol v6";
        if (!slice.has(4)) {
            layer.error(o, slice.captured(), "ICMPv6 header needs at least 4 bytes, " + slice.captured()
                    + " captured");
            return Step.last(layer.build(slice.end(), title, "ICMPv6 (truncated)"));
        }
        int type = Icmp.type(b, o);
        int code = Icmp.code(b, o);
        String typeName = typeName(type);
        layer.add(layer.uint("icmpv6.type", "Type", o, 1, type, typeName + " (" + type + ")"));
        layer.add(layer.uint("icmpv6.code", "Code", o + 1, 1, code));
        TransportChecksum.add(layer, slice, "icmpv6", IpProtocol.ICMPV6, o + Icmp.CHECKSUM);
        String summary = "ICMPv6 " + typeName;
        if (!slice.has(Icmp.HEADER_LENGTH)) {
            layer.error(o, slice.captured(), "ICMPv6 message needs 8 bytes, " + slice.captured() + " captured");
            return Step.last(layer.build(slice.end(), title, summary));
        }
        if (Icmp.isV6Echo(type)) {
            int id = Icmp.identifier(b, o);
            int seq = Icmp.sequence(b, o);
            layer.add(layer.hex("icmpv6.echo.identifier", "Identifier", o + 4, 2, id));
            layer.add(layer.uint("icmpv6.echo.sequence_number", "Sequence", o + 6, 2, seq));
            summary += " id=" + LayerBuilder.hexText(id, 4) + ", seq=" + seq;
        } else if (Icmp.isV6Error(type)) {
            if (type == Icmp.V6_PACKET_TOO_BIG) {
                layer.add(layer.uint("icmpv6.mtu", "MTU", o + 4, 4, Integer.toUnsignedLong(
                        org.wirelab.core.header.Bytes.u32(b, o + 4))));
            } else if (type == Icmp.V6_PARAMETER_PROBLEM) {
                layer.add(layer.uint("icmpv6.pointer", "Pointer", o + 4, 4, Integer.toUnsignedLong(
                        org.wirelab.core.header.Bytes.u32(b, o + 4))));
            } else {
                layer.add(layer.data("icmpv6.reserved", "Reserved", o + 4, 4));
            }
            return new Step(layer.build(o + Icmp.HEADER_LENGTH, title, summary), new Next.ByEtherType(EtherType.IPV6),
                    slice.after(Icmp.HEADER_LENGTH).asEmbedded());
        } else if ((type == 135 || type == 136) && slice.has(24)) {
            String target = AddressText.ipv6(b, o + 8);
            layer.add(layer.data("", type == 135 ? "Reserved" : "Flags", o + 4, 4));
            layer.add(layer.string(type == 135 ? "icmpv6.nd.ns.target_address" : "icmpv6.nd.na.target_address",
                    "Target Address", o + 8, 16, target));
            summary += " for " + target;
            return new Step(layer.build(o + 24, title, summary), Next.END, slice.after(24));
        }
        return new Step(layer.build(o + Icmp.HEADER_LENGTH, title, summary), Next.END,
                slice.after(Icmp.HEADER_LENGTH));
    }

    static String typeName(int type) {
        return switch (type) {
            case 1 -> "Destination Unreachable";
            case 2 -> "Packet Too Big";
            case 3 -> "Time Exceeded";
            case 4 -> "Parameter Problem";
            case 128 -> "Echo (ping) request";
            case 129 -> "Echo (ping) reply";
            case 133 -> "Router Solicitation";
            case 134 -> "Router Advertisement";
            case 135 -> "Neighbor Solicitation";
            case 136 -> "Neighbor Advertisement";
            case 137 -> "Redirect";
            case 143 -> "Multicast Listener Report Message v2";
            default -> "Unknown";
        };
    }
}

package org.wirelab.core.protocol.icmpv6;

import org.wirelab.core.decode.Field;
import org.wirelab.core.decode.FieldLabels;
import org.wirelab.core.decode.LayerBuilder;
import org.wirelab.core.decode.Next;
import org.wirelab.core.decode.ProtocolDecoder;
import org.wirelab.core.decode.Slice;
import org.wirelab.core.decode.Step;
import org.wirelab.core.decode.Wording;
import org.wirelab.core.decode.transport.TransportChecksum;
import org.wirelab.core.header.EtherType;
import org.wirelab.core.header.IpProtocol;
import org.wirelab.core.protocol.icmp.Icmp;

/**
 * ICMPv6 (RFC 4443, RFC 4861): type and code names, checksum with the IPv6 pseudo-header, echo identifier
 * and sequence, the neighbor discovery target, and for error messages the quoted IPv6 packet.
 */
public final class Icmpv6Decoder implements ProtocolDecoder {

    @Override
    public Step decode(Slice slice) {
        byte[] b = slice.bytes();
        int o = slice.offset();
        LayerBuilder layer = new LayerBuilder(Icmpv6.PROTOCOL_FIELD.layerName(), 3, b, o);
        Wording title = new Wording("icmpv6.title", Wording.NO_VALUE);
        if (!slice.has(4)) {
            layer.error(o, slice.captured(), "ICMPv6 header needs at least 4 bytes, " + slice.captured()
                    + " captured");
            return Step.last(layer.build(slice.end(), title, "ICMPv6 (truncated)"));
        }
        int type = Icmp.type(b, o);
        Wording.Word typeName = Wording.Word.valueOf("icmpv6.type", Integer.toString(type));
        layer.add(layer.field(Icmpv6.TYPE, o + Icmp.TYPE, 1, type, "value.named", Integer.toString(type), typeName));
        layer.add(Icmpv6.CODE, o + Icmp.CODE, 1);
        TransportChecksum.add(layer, slice, Icmpv6.CHECKSUM, Icmpv6.CHECKSUM_STATUS, IpProtocol.ICMPV6,
                o + Icmp.CHECKSUM);
        String summary = "ICMPv6 " + FieldLabels.english().text(typeName.key(), typeName.arguments());
        if (!slice.has(Icmp.HEADER_LENGTH)) {
            layer.error(o, slice.captured(), "ICMPv6 message needs 8 bytes, " + slice.captured() + " captured");
            return Step.last(layer.build(slice.end(), title, summary));
        }
        if (Icmpv6.isEcho(type)) {
            int id = Icmp.identifier(b, o);
            int seq = Icmp.sequence(b, o);
            layer.add(Icmpv6.ECHO_IDENTIFIER, o + Icmp.IDENTIFIER, 2);
            layer.add(Icmpv6.ECHO_SEQUENCE_NUMBER, o + Icmp.SEQUENCE, 2);
            summary += " id=" + LayerBuilder.hexText(id, 4) + ", seq=" + seq;
        } else if (Icmpv6.isError(type)) {
            if (type == Icmpv6.PACKET_TOO_BIG) {
                layer.add(Icmpv6.MTU, o + 4, 4);
            } else if (type == Icmpv6.PARAMETER_PROBLEM) {
                layer.add(Icmpv6.POINTER, o + 4, 4);
            } else {
                layer.add(layer.data(Icmpv6.RESERVED, o + 4, 4));
            }
            return new Step(layer.build(o + Icmp.HEADER_LENGTH, title, summary), new Next.ByEtherType(EtherType.IPV6),
                    slice.after(Icmp.HEADER_LENGTH).asEmbedded());
        } else if ((type == Icmpv6.NEIGHBOR_SOLICITATION || type == Icmpv6.NEIGHBOR_ADVERTISEMENT)
                && slice.has(Icmpv6.NEIGHBOR_MESSAGE_LENGTH)) {
            boolean solicitation = type == Icmpv6.NEIGHBOR_SOLICITATION;
            layer.add(layer.data(solicitation ? Icmpv6.ND_NS_RESERVED : Icmpv6.ND_NA_FLAGS, o + 4, 4));
            Field target = layer.address(solicitation ? Icmpv6.ND_NS_TARGET_ADDRESS : Icmpv6.ND_NA_TARGET_ADDRESS,
                    o + 8, 16);
            layer.add(target);
            summary += " for " + target.text();
            return new Step(layer.build(o + Icmpv6.NEIGHBOR_MESSAGE_LENGTH, title, summary), Next.END,
                    slice.after(Icmpv6.NEIGHBOR_MESSAGE_LENGTH));
        }
        return new Step(layer.build(o + Icmp.HEADER_LENGTH, title, summary), Next.END,
                slice.after(Icmp.HEADER_LENGTH));
    }
}

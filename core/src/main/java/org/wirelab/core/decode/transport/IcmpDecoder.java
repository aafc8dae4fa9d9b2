package org.wirelab.core.decode.transport;

import org.wirelab.core.decode.LayerBuilder;
import org.wirelab.core.decode.Next;
import org.wirelab.core.decode.ProtocolDecoder;
import org.wirelab.core.decode.Slice;
import org.wirelab.core.decode.Step;
import org.wirelab.core.header.EtherType;
import org.wirelab.core.header.Icmp;

/**
 * ICMP for IPv4 (RFC 792): type and code with their names, checksum verified, echo identifier and
 * sequence number, and for error messages the quoted IP header (decoded as an embedded IPv4 layer,
 * as Wireshark shows it).
 */
public final class IcmpDecoder implements ProtocolDecoder {

    @Override
    public Step decode(Slice slice) {
        byte[] b = slice.bytes();
        int o = slice.offset();
        LayerBuilder layer = new LayerBuilder("ICMP", 3, b, o);
        String title = "Internet Control Message Protocol";
        if (!slice.has(4)) {
            layer.error(o, slice.captured(), "ICMP header needs at least 4 bytes, " + slice.captured() + " captured");
            return Step.last(layer.build(slice.end(), title, "ICMP (truncated)"));
        }
        int type = Icmp.type(b, o);
        int code = Icmp.code(b, o);
        String typeName = typeName(type);
        layer.add(layer.uint("icmp.type", "Type", o + Icmp.TYPE, 1, type, type + " (" + typeName + ")"));
        String codeName = codeName(type, code);
        layer.add(layer.uint("icmp.code", "Code", o + Icmp.CODE, 1, code,
                code + (codeName.isEmpty() ? "" : " (" + codeName + ")")));
        TransportChecksum.add(layer, slice, "icmp", -1, o + Icmp.CHECKSUM);
        String summary = "ICMP " + typeName + (codeName.isEmpty() ? "" : " (" + codeName + ")");
        if (!slice.has(Icmp.HEADER_LENGTH)) {
            layer.error(o, slice.captured(), "ICMP header needs 8 bytes, " + slice.captured() + " captured");
            return Step.last(layer.build(slice.end(), title, summary));
        }
        if (Icmp.isEcho(type)) {
            int id = Icmp.identifier(b, o);
            int seq = Icmp.sequence(b, o);
            layer.add(layer.uint("icmp.ident", "Identifier (BE)", o + Icmp.IDENTIFIER, 2, id));
            layer.add(layer.uint("icmp.ident_le", "Identifier (LE)", o + Icmp.IDENTIFIER, 2,
                    Short.toUnsignedInt(Short.reverseBytes((short) id))));
            layer.add(layer.uint("icmp.seq", "Sequence Number (BE)", o + Icmp.SEQUENCE, 2, seq));
            layer.add(layer.uint("icmp.seq_le", "Sequence Number (LE)", o + Icmp.SEQUENCE, 2,
                    Short.toUnsignedInt(Short.reverseBytes((short) seq))));
            summary += " id=" + LayerBuilder.hexText(id, 4) + ", seq=" + seq;
        } else if (Icmp.isError(type)) {
            layer.add(layer.data("", type == Icmp.REDIRECT ? "Gateway address" : "Unused / parameter", o + 4, 4));
            return new Step(layer.build(o + Icmp.HEADER_LENGTH, title, summary), new Next.ByEtherType(EtherType.IPV4),
                    slice.after(Icmp.HEADER_LENGTH).asEmbedded());
        } else {
            layer.add(layer.data("", "Rest of header", o + 4, 4));
        }
        return new Step(layer.build(o + Icmp.HEADER_LENGTH, title, summary), Next.END,
                slice.after(Icmp.HEADER_LENGTH));
    }

    static String typeName(int type) {
        return switch (type) {
            case 0 -> "Echo (ping) reply";
            case 3 -> "Destination unreachable";
            case 4 -> "Source quench (flow control)";
            case 5 -> "Redirect";
            case 8 -> "Echo (ping) request";
            case 9 -> "Router advertisement";
            case 10 -> "Router solicitation";
            case 11 -> "Time-to-live exceeded";
            case 12 -> "Parameter problem";
            case 13 -> "Timestamp request";
            case 14 -> "Timestamp reply";
            default -> "Unknown ICMP type";
        };
    }

    static String codeName(int type, int code) {
        if (type == Icmp.DESTINATION_UNREACHABLE) {
            return switch (code) {
                case 0 -> "Network unreachable";
                case 1 -> "Host unreachable";
                case 2 -> "Protocol unreachable";
                case 3 -> "Port unreachable";
                case 4 -> "Fragmentation needed";
                case 5 -> "Source route failed";
                case 6 -> "Destination network unknown";
                case 7 -> "Destination host unknown";
                case 9 -> "Network administratively prohibited";
                case 10 -> "Host administratively prohibited";
                case 13 -> "Communication administratively filtered";
                default -> "Unknown code";
            };
        }
        if (type == Icmp.TIME_EXCEEDED) {
            return code == 0 ? "Time to live exceeded in transit"
                    : code == 1 ? "Fragment reassembly time exceeded" : "Unknown code";
        }
        if (type == Icmp.REDIRECT) {
            return switch (code) {
                case 0 -> "Redirect for network";
                case 1 -> "Redirect for host";
                case 2 -> "Redirect for TOS and network";
                case 3 -> "Redirect for TOS and host";
                default -> "Unknown code";
            };
        }
        return "";
    }
}

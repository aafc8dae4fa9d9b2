package org.wirelab.core.protocol.icmp;

import java.util.Set;
import org.wirelab.core.decode.Field;
import org.wirelab.core.decode.FieldLabels;
import org.wirelab.core.decode.HeaderField;
import org.wirelab.core.decode.LayerBuilder;
import org.wirelab.core.decode.Next;
import org.wirelab.core.decode.ProtocolDecoder;
import org.wirelab.core.decode.Slice;
import org.wirelab.core.decode.Step;
import org.wirelab.core.decode.Wording;
import org.wirelab.core.decode.transport.TransportChecksum;
import org.wirelab.core.header.EtherType;

/**
 * ICMP for IPv4 (RFC 792): type and code with their names, checksum verified, echo identifier and
 * sequence number, and for error messages the quoted IP header (decoded as an embedded IPv4 layer,
 * as Wireshark shows it).
 */
public final class IcmpDecoder implements ProtocolDecoder {

    /** The types whose codes Wireshark names, worded by the bundles ({@code icmp.code.3[3]}). */
    private static final Set<Integer> NAMED_CODES = Set.of(Icmp.DESTINATION_UNREACHABLE, Icmp.REDIRECT,
            Icmp.TIME_EXCEEDED);

    @Override
    public Step decode(Slice slice) {
        byte[] b = slice.bytes();
        int o = slice.offset();
        LayerBuilder layer = new LayerBuilder(Icmp.PROTOCOL_FIELD.layerName(), 3, b, o);
        Wording title = new Wording("icmp.title", Wording.NO_VALUE);
        if (!slice.has(4)) {
            layer.error(o, slice.captured(), "ICMP header needs at least 4 bytes, " + slice.captured() + " captured");
            return Step.last(layer.build(slice.end(), title, "ICMP (truncated)"));
        }
        int type = Icmp.type(b, o);
        int code = Icmp.code(b, o);
        Wording.Word typeName = Wording.Word.valueOf("icmp.type", Integer.toString(type));
        layer.add(layer.field(Icmp.TYPE_FIELD, o + Icmp.TYPE, 1, type, "value.number_named", Integer.toString(type),
                typeName));
        Wording.Word codeName = NAMED_CODES.contains(type)
                ? Wording.Word.valueOf("icmp.code." + type, Integer.toString(code)) : null;
        layer.add(codeName == null ? layer.field(Icmp.CODE_FIELD, o + Icmp.CODE, 1)
                : layer.field(Icmp.CODE_FIELD, o + Icmp.CODE, 1, code, "value.number_named", Integer.toString(code),
                        codeName));
        TransportChecksum.add(layer, slice, Icmp.CHECKSUM_FIELD, Icmp.CHECKSUM_STATUS, -1, o + Icmp.CHECKSUM);
        String summary = "ICMP " + english(typeName) + (codeName == null ? "" : " (" + english(codeName) + ")");
        if (!slice.has(Icmp.HEADER_LENGTH)) {
            layer.error(o, slice.captured(), "ICMP header needs 8 bytes, " + slice.captured() + " captured");
            return Step.last(layer.build(slice.end(), title, summary));
        }
        if (Icmp.isEcho(type)) {
            int id = Icmp.identifier(b, o);
            int seq = Icmp.sequence(b, o);
            // Wireshark shows both byte orders: hosts differ in the order they write these two numbers.
            layer.add(Icmp.IDENT, o + Icmp.IDENTIFIER, 2);
            layer.add(littleEndian(layer, Icmp.IDENT_LE, o + Icmp.IDENTIFIER, id));
            layer.add(Icmp.SEQ, o + Icmp.SEQUENCE, 2);
            layer.add(littleEndian(layer, Icmp.SEQ_LE, o + Icmp.SEQUENCE, seq));
            summary += " id=" + LayerBuilder.hexText(id, 4) + ", seq=" + seq;
        } else if (Icmp.isError(type)) {
            HeaderField secondWord = type == Icmp.REDIRECT ? Icmp.GATEWAY
                    : Icmp.hasUnusedWord(type, code) ? Icmp.UNUSED : Icmp.REST_OF_HEADER;
            layer.add(layer.data(secondWord, o + 4, 4));
            return new Step(layer.build(o + Icmp.HEADER_LENGTH, title, summary), new Next.ByEtherType(EtherType.IPV4),
                    slice.after(Icmp.HEADER_LENGTH).asEmbedded());
        } else {
            layer.add(layer.data(Icmp.REST_OF_HEADER, o + 4, 4));
        }
        return new Step(layer.build(o + Icmp.HEADER_LENGTH, title, summary), Next.END,
                slice.after(Icmp.HEADER_LENGTH));
    }

    private static Field littleEndian(LayerBuilder layer, HeaderField field, int at, int bigEndian) {
        int value = Short.toUnsignedInt(Short.reverseBytes((short) bigEndian));
        return layer.field(field, at, 2, value, "value", Integer.toString(value));
    }

    private static String english(Wording.Word word) {
        return FieldLabels.english().text(word.key(), word.arguments());
    }
}

package org.wirelab.core.protocol.loopback;

import java.util.List;
import org.wirelab.core.decode.FieldLabels;
import org.wirelab.core.decode.LayerBuilder;
import org.wirelab.core.decode.ProtocolField;
import org.wirelab.core.decode.Next;
import org.wirelab.core.decode.ProtocolDecoder;
import org.wirelab.core.decode.Slice;
import org.wirelab.core.decode.Step;
import org.wirelab.core.decode.Wording;
import org.wirelab.core.frame.LinkType;

/**
 * The BSD loopback address family (LINKTYPE_NULL in the capturing host's byte order, detected; LINKTYPE_LOOP
 * big-endian). Every BSD's AF_INET6 value (24, 28, 30) selects IPv6. Wireshark names the field null.family
 * for both link types.
 */
public final class BsdLoopbackDecoder implements ProtocolDecoder {
    private final int linkType;

    public BsdLoopbackDecoder(int linkType) {
        this.linkType = linkType;
    }

    @Override
    public Step decode(Slice slice) {
        byte[] b = slice.bytes();
        int o = slice.offset();
        ProtocolField protocol = linkType == LinkType.LOOP ? BsdLoopback.LOOP_PROTOCOL_FIELD
                : BsdLoopback.NULL_PROTOCOL_FIELD;
        LayerBuilder layer = new LayerBuilder(protocol.layerName(), 2, b, o);
        if (!slice.has(BsdLoopback.HEADER_LENGTH)) {
            layer.error(o, slice.captured(), "loopback header needs 4 bytes, " + slice.captured() + " captured");
            return Step.last(layer.build(slice.end(), new Wording("null.title.truncated", Wording.NO_VALUE),
                    "Loopback (truncated)"));
        }
        int family = BsdLoopback.family(b, o, linkType);
        Wording.Word name = Wording.Word.valueOf("null.family", Integer.toUnsignedString(family));
        Wording.Word order = new Wording.Word(BsdLoopback.littleEndian(b, o, linkType) ? "null.family.little_endian"
                : "null.family.big_endian");
        layer.add(layer.field(BsdLoopback.FAMILY, o, 4, Integer.toUnsignedLong(family), "null.family.value", name,
                Integer.toUnsignedString(family), order));
        int etherType = BsdLoopback.etherType(family);
        Wording title = new Wording(linkType == LinkType.LOOP ? "loop.title" : "null.title", Wording.NO_VALUE);
        String shortTitle = linkType == LinkType.LOOP ? "OpenBSD loopback" : "Null/Loopback";
        if (etherType < 0) {
            layer.note(o, 4, "address family " + Integer.toUnsignedString(family) + " is not decoded");
            return new Step(layer.build(o + 4, title, shortTitle), Next.END, slice.after(4));
        }
        return new Step(layer.build(o + 4, title, "Loopback, family " + FieldLabels.english().text(name.key(), List.of())),
                new Next.ByEtherType(etherType), slice.after(BsdLoopback.HEADER_LENGTH));
    }
}

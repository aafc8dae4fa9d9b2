package org.wirelab.core.decode.link;

import org.wirelab.core.decode.LayerBuilder;
import org.wirelab.core.decode.Next;
import org.wirelab.core.decode.ProtocolDecoder;
import org.wirelab.core.decode.Slice;
import org.wirelab.core.decode.Step;
import org.wirelab.core.frame.LinkType;
import org.wirelab.core.header.BsdLoopback;

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
        LayerBuilder layer = new LayerBuilder(linkType == LinkType.LOOP ? "LOOP" : "NULL", 2, b, o);
        if (!slice.has(BsdLoopback.HEADER_LENGTH)) {
            layer.error(o, slice.captured(), "loopback header needs 4 bytes, " + slice.captured() + " captured");
            return Step.last(layer.build(slice.end(), "Null/Loopback (truncated)", "Loopback (truncated)"));
        }
        int family = BsdLoopback.family(b, o, linkType);
        String order = BsdLoopback.littleEndian(b, o, linkType) ? "little-endian" : "big-endian";
        layer.add(layer.uint("null.family", "Family", o, 4, Integer.toUnsignedLong(family),
                BsdLoopback.familyName(family) + " (" + Integer.toUnsignedString(family) + ", " + order + ")"));
        int etherType = BsdLoopback.etherType(family);
        String title = linkType == LinkType.LOOP ? "OpenBSD loopback" : "Null/Loopback";
        if (etherType < 0) {
            layer.note(o, 4, "address family " + Integer.toUnsignedString(family) + " is not decoded");
            return new Step(layer.build(o + 4, title, title), Next.END, slice.after(4));
        }
        return new Step(layer.build(o + 4, title, "Loopback, family " + BsdLoopback.familyName(family)),
                new Next.ByEtherType(etherType), slice.after(BsdLoopback.HEADER_LENGTH));
    }
}

package org.wirelab.core.protocol.ethernet;

import org.wirelab.core.decode.Field;
import org.wirelab.core.decode.HeaderField;
import org.wirelab.core.decode.LayerBuilder;
import org.wirelab.core.decode.Next;
import org.wirelab.core.decode.ProtocolDecoder;
import org.wirelab.core.decode.Slice;
import org.wirelab.core.decode.Step;
import org.wirelab.core.header.EtherType;
import org.wirelab.core.net.AddressText;

/** Ethernet II (DIX) header; an IEEE 802.3 length field instead of a type ends decoding (LLC is not decoded). */
public final class EthernetDecoder implements ProtocolDecoder {

    @Override
    public Step decode(Slice slice) {
        byte[] b = slice.bytes();
        int o = slice.offset();
        LayerBuilder layer = new LayerBuilder("Ethernet", 2, b, o);
        if (!slice.has(Ethernet.HEADER_LENGTH)) {
            layer.error(o, slice.captured(), "Ethernet header needs " + Ethernet.HEADER_LENGTH + " bytes, "
                    + slice.captured() + " captured");
            return Step.last(layer.build(slice.end(), "Ethernet II (truncated)", "Ethernet (truncated)"));
        }
        String destination = AddressText.mac(b, o + Ethernet.DESTINATION);
        String source = AddressText.mac(b, o + Ethernet.SOURCE);
        layer.add(layer.address(Ethernet.DST, o + Ethernet.DESTINATION, Ethernet.MAC_LENGTH));
        layer.add(layer.address(Ethernet.SRC, o + Ethernet.SOURCE, Ethernet.MAC_LENGTH));
        int type = Ethernet.etherType(b, o);
        String title = "Ethernet II, Src: " + source + ", Dst: " + destination;
        String summary = "Ethernet " + source + " → " + destination;
        if (type <= EtherType.MAX_802_3_LENGTH) {
            layer.add(Ethernet.LEN, o + Ethernet.TYPE, 2);
            layer.note(o + Ethernet.TYPE, 2, "IEEE 802.3 frame (length " + type + "): its LLC header is not decoded");
            return new Step(layer.build(o + Ethernet.HEADER_LENGTH, "IEEE 802.3 Ethernet", summary), Next.END,
                    slice.after(Ethernet.HEADER_LENGTH));
        }
        layer.add(typeField(layer, Ethernet.TYPE_FIELD, o + Ethernet.TYPE, type));
        return new Step(layer.build(o + Ethernet.HEADER_LENGTH, title, summary), new Next.ByEtherType(type),
                slice.after(Ethernet.HEADER_LENGTH));
    }

    /** An EtherType field with its name, "IPv4 (0x0800)": Ethernet's, and that of the headers that carry one. */
    public static Field typeField(LayerBuilder layer, HeaderField field, int at, int type) {
        return layer.field(field, at, 2, type, "value.named", LayerBuilder.hexText(type, 4),
                Ethernet.etherTypeWord(type));
    }
}

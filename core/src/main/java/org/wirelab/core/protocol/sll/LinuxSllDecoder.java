package org.wirelab.core.protocol.sll;

import org.wirelab.core.decode.Field;
import org.wirelab.core.decode.LayerBuilder;
import org.wirelab.core.decode.ProtocolField;
import org.wirelab.core.decode.Next;
import org.wirelab.core.decode.ProtocolDecoder;
import org.wirelab.core.decode.Slice;
import org.wirelab.core.decode.Step;
import org.wirelab.core.decode.Wording;
import org.wirelab.core.header.Bytes;
import org.wirelab.core.header.EtherType;
import org.wirelab.core.net.AddressText;
import org.wirelab.core.protocol.ethernet.EthernetDecoder;

/**
 * Linux cooked capture headers, v1 (16 bytes, protocol last) and v2 (20 bytes, protocol first), written
 * by libpcap for the "any" device. A protocol below 0x0600 is one of Linux's pseudo-types (802.3, LLC ...),
 * which ends decoding.
 */
public final class LinuxSllDecoder implements ProtocolDecoder {
    private final boolean version2;

    public LinuxSllDecoder(boolean version2) {
        this.version2 = version2;
    }

    @Override
    public Step decode(Slice slice) {
        byte[] b = slice.bytes();
        int o = slice.offset();
        int headerLength = version2 ? LinuxSll2.HEADER_LENGTH : LinuxSll.HEADER_LENGTH;
        String name = version2 ? "Linux cooked capture v2" : "Linux cooked capture v1";
        String titleKey = version2 ? "sll.title.v2" : "sll.title.v1";
        ProtocolField declared = version2 ? LinuxSll.PROTOCOL_FIELD_V2 : LinuxSll.PROTOCOL_FIELD;
        LayerBuilder layer = new LayerBuilder(declared.layerName(), 2, b, o);
        if (!slice.has(headerLength)) {
            layer.error(o, slice.captured(), name + " header needs " + headerLength + " bytes, " + slice.captured()
                    + " captured");
            return Step.last(layer.build(slice.end(), new Wording(titleKey + ".truncated", Wording.NO_VALUE),
                    name + " (truncated)"));
        }
        int protocolAt = o + (version2 ? LinuxSll2.PROTOCOL : LinuxSll.PROTOCOL);
        int packetTypeAt = o + (version2 ? LinuxSll2.PACKET_TYPE : LinuxSll.PACKET_TYPE);
        int packetTypeLength = version2 ? 1 : 2;
        int hatypeAt = o + (version2 ? LinuxSll2.ARPHRD_TYPE : LinuxSll.ARPHRD_TYPE);
        int addressLengthAt = o + (version2 ? LinuxSll2.ADDRESS_LENGTH : LinuxSll.ADDRESS_LENGTH);
        int addressLengthSize = version2 ? 1 : 2;
        int addressAt = o + (version2 ? LinuxSll2.ADDRESS : LinuxSll.ADDRESS);
        int protocol = Bytes.u16(b, protocolAt);
        if (version2) {
            layer.add(EthernetDecoder.typeField(layer, LinuxSll.ETYPE, protocolAt, protocol));
            layer.add(LinuxSll.IFINDEX, o + LinuxSll2.INTERFACE_INDEX, 4);
        }
        int packetType = packetTypeLength == 1 ? Bytes.u8(b, packetTypeAt) : Bytes.u16(b, packetTypeAt);
        int hatype = Bytes.u16(b, hatypeAt);
        int addressLength = addressLengthSize == 1 ? Bytes.u8(b, addressLengthAt) : Bytes.u16(b, addressLengthAt);
        if (!version2) {
            layer.add(packetTypeField(layer, packetTypeAt, packetTypeLength, packetType));
        }
        layer.add(LinuxSll.HATYPE, hatypeAt, 2);
        if (version2) {
            layer.add(packetTypeField(layer, packetTypeAt, packetTypeLength, packetType));
        }
        layer.add(LinuxSll.HALEN, addressLengthAt, addressLengthSize);
        String source = "";
        if (addressLength == 6) {
            source = AddressText.mac(b, addressAt);
            layer.add(layer.address(LinuxSll.SRC_ETH, addressAt, 6));
        } else if (addressLength > 0) {
            layer.add(layer.data(LinuxSll.SRC_OTHER, addressAt, Math.min(addressLength, LinuxSll.ADDRESS_FIELD_LENGTH)));
        }
        Step next;
        String summary = name + (source.isEmpty() ? "" : " from " + source);
        if (addressLength < LinuxSll.ADDRESS_FIELD_LENGTH) {
            int used = Math.max(0, addressLength);
            layer.add(layer.data(LinuxSll.UNUSED, addressAt + used, LinuxSll.ADDRESS_FIELD_LENGTH - used));
        }
        if (!version2) {
            layer.add(EthernetDecoder.typeField(layer, LinuxSll.ETYPE, protocolAt, protocol));
        }
        if (protocol <= EtherType.MAX_802_3_LENGTH) {
            layer.note(protocolAt, 2, "Linux pseudo-protocol " + protocol + " (not an EtherType) is not decoded");
            next = new Step(layer.build(o + headerLength, new Wording(titleKey, Wording.NO_VALUE), summary), Next.END, slice.after(headerLength));
        } else {
            next = new Step(layer.build(o + headerLength, new Wording(titleKey, Wording.NO_VALUE), summary),
                    new Next.ByEtherType(protocol),
                    slice.after(headerLength));
        }
        return next;
    }

    /** The packet type with Wireshark's name for it, "Sent by us (4)". */
    private static Field packetTypeField(LayerBuilder layer, int at, int length, int packetType) {
        Wording.Word name = Wording.Word.valueOf("sll.pkttype", Integer.toString(packetType));
        return layer.field(LinuxSll.PKTTYPE, at, length, packetType, "value.named", Integer.toString(packetType),
                name);
    }
}

package org.wirelab.core.decode.link;

import org.wirelab.core.decode.LayerBuilder;
import org.wirelab.core.decode.Next;
import org.wirelab.core.decode.ProtocolDecoder;
import org.wirelab.core.decode.Slice;
import org.wirelab.core.decode.Step;
import org.wirelab.core.header.Bytes;
import org.wirelab.core.header.EtherType;
import org.wirelab.core.header.LinuxSll;
import org.wirelab.core.header.LinuxSll2;
import org.wirelab.core.net.AddressText;

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
        LayerBuilder layer = new LayerBuilder(version2 ? "SLL2" : "SLL", 2, b, o);
        if (!slice.has(headerLength)) {
            layer.error(o, slice.captured(), name + " header needs " + headerLength + " bytes, " + slice.captured()
                    + " captured");
            return Step.last(layer.build(slice.end(), name + " (truncated)", name + " (truncated)"));
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
            layer.add(layer.hex("sll.etype", "Protocol", protocolAt, 2, protocol, EtherType.name(protocol)));
            layer.add(layer.uint("sll.ifindex", "Interface index", o + LinuxSll2.INTERFACE_INDEX, 4,
                    Integer.toUnsignedLong(Bytes.u32(b, o + LinuxSll2.INTERFACE_INDEX))));
        }
        int packetType = packetTypeLength == 1 ? Bytes.u8(b, packetTypeAt) : Bytes.u16(b, packetTypeAt);
        int hatype = Bytes.u16(b, hatypeAt);
        int addressLength = addressLengthSize == 1 ? Bytes.u8(b, addressLengthAt) : Bytes.u16(b, addressLengthAt);
        if (!version2) {
            layer.add(layer.uint("sll.pkttype", "Packet type", packetTypeAt, packetTypeLength, packetType,
                    LinuxSll.packetTypeName(packetType) + " (" + packetType + ")"));
        }
        layer.add(layer.uint("sll.hatype", "Link-layer address type", hatypeAt, 2, hatype));
        if (version2) {
            layer.add(layer.uint("sll.pkttype", "Packet type", packetTypeAt, packetTypeLength, packetType,
                    LinuxSll.packetTypeName(packetType) + " (" + packetType + ")"));
        }
        layer.add(layer.uint("sll.halen", "Link-layer address length", addressLengthAt, addressLengthSize,
                addressLength));
        String source = "";
        if (addressLength == 6) {
            source = AddressText.mac(b, addressAt);
            layer.add(layer.string("sll.src.eth", "Source", addressAt, 6, source));
        } else if (addressLength > 0) {
            layer.add(layer.data("sll.src.other", "Source", addressAt,
                    Math.min(addressLength, LinuxSll.ADDRESS_FIELD_LENGTH)));
        }
        Step next;
        String summary = name + (source.isEmpty() ? "" : " from " + source);
        if (!version2) {
            layer.add(layer.hex("sll.etype", "Protocol", protocolAt, 2, protocol, EtherType.name(protocol)));
        }
        if (protocol <= EtherType.MAX_802_3_LENGTH) {
            layer.note(protocolAt, 2, "Linux pseudo-protocol " + protocol + " (not an EtherType) is not decoded");
            next = new Step(layer.build(o + headerLength, name, summary), Next.END, slice.after(headerLength));
        } else {
            next = new Step(layer.build(o + headerLength, name, summary), new Next.ByEtherType(protocol),
                    slice.after(headerLength));
        }
        return next;
    }
}

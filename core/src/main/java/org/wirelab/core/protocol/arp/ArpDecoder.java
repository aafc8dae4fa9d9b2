package org.wirelab.core.protocol.arp;

import org.wirelab.core.decode.Field;
import org.wirelab.core.decode.HeaderField;
import org.wirelab.core.decode.LayerBuilder;
import org.wirelab.core.decode.ProtocolDecoder;
import org.wirelab.core.decode.Slice;
import org.wirelab.core.decode.Step;
import org.wirelab.core.decode.Wording;
import org.wirelab.core.header.Bytes;
import org.wirelab.core.protocol.ethernet.EthernetDecoder;

/** ARP (RFC 826). Ethernet/IPv4 addresses are shown as such; other sizes as bytes. */
public final class ArpDecoder implements ProtocolDecoder {

    @Override
    public Step decode(Slice slice) {
        byte[] b = slice.bytes();
        int o = slice.offset();
        LayerBuilder layer = new LayerBuilder(Arp.PROTOCOL_FIELD.layerName(), 3, b, o);
        Wording title = new Wording("arp.title", Wording.NO_VALUE);
        if (!slice.has(Arp.FIXED_LENGTH)) {
            layer.error(o, slice.captured(), "ARP needs 8 bytes before its addresses, " + slice.captured()
                    + " captured");
            return Step.last(layer.build(slice.end(), title, "ARP (truncated)"));
        }
        int hardwareSize = Arp.hardwareSize(b, o);
        int protocolSize = Arp.protocolSize(b, o);
        int opcode = Arp.opcode(b, o);
        layer.add(Arp.HW_TYPE, o + Arp.HARDWARE_TYPE, 2);
        int protocolType = Bytes.u16(b, o + Arp.PROTOCOL_TYPE);
        layer.add(EthernetDecoder.typeField(layer, Arp.PROTO_TYPE, o + Arp.PROTOCOL_TYPE, protocolType));
        layer.add(Arp.HW_SIZE, o + Arp.HARDWARE_SIZE, 1);
        layer.add(Arp.PROTO_SIZE, o + Arp.PROTOCOL_SIZE, 1);
        layer.add(layer.field(Arp.OPCODE_FIELD, o + Arp.OPCODE, 2, opcode, "value.named", Integer.toString(opcode),
                Arp.opcodeWord(opcode)));
        int length = Arp.length(b, o);
        if (!slice.has(length)) {
            layer.error(o, slice.captured(), "ARP with " + hardwareSize + "-byte hardware and " + protocolSize
                    + "-byte protocol addresses needs " + length + " bytes, " + slice.captured() + " captured");
            return Step.last(layer.build(slice.end(), title, "ARP (truncated)"));
        }
        int at = o + Arp.SENDER_HARDWARE;
        String senderMac = address(layer, Arp.SRC_HW_MAC, Arp.SRC_HW, at, hardwareSize, 6);
        at += hardwareSize;
        String senderIp = address(layer, Arp.SRC_PROTO_IPV4, Arp.SRC_PROTO, at, protocolSize, 4);
        at += protocolSize;
        address(layer, Arp.DST_HW_MAC, Arp.DST_HW, at, hardwareSize, 6);
        at += hardwareSize;
        String targetIp = address(layer, Arp.DST_PROTO_IPV4, Arp.DST_PROTO, at, protocolSize, 4);
        String summary = switch (opcode) {
            case 1 -> "ARP Who has " + targetIp + "? Tell " + senderIp;
            case 2 -> "ARP " + senderIp + " is at " + senderMac;
            default -> "ARP " + Arp.opcodeName(opcode);
        };
        return Step.last(layer.build(o + length, new Wording("arp.title.opcode", Wording.NO_VALUE,
                Arp.opcodeWord(opcode)), summary));
    }

    /**
     * One address: as {@code typed} (an Ethernet or IPv4 address) when it has that type's {@code size}, as
     * bytes ({@code bytes}) otherwise; returns its text, or "?" when it is not of the typed kind.
     */
    private static String address(LayerBuilder layer, HeaderField typed, HeaderField bytes, int at, int size,
            int typedSize) {
        if (size == typedSize) {
            Field field = layer.address(typed, at, size);
            layer.add(field);
            return field.text();
        }
        if (size > 0) {
            layer.add(layer.data(bytes, at, size));
        }
        return "?";
    }
}

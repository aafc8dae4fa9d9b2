package org.wirelab.core.decode.network;

import org.wirelab.core.decode.LayerBuilder;
import org.wirelab.core.decode.ProtocolDecoder;
import org.wirelab.core.decode.Slice;
import org.wirelab.core.decode.Step;
import org.wirelab.core.header.Arp;
import org.wirelab.core.header.Bytes;
import org.wirelab.core.header.EtherType;
import org.wirelab.core.net.AddressText;

/** ARP (RFC 826). Ethernet/IPv4 addresses are shown as such; other sizes as bytes. */
public final class ArpDecoder implements ProtocolDecoder {

    @Override
    public Step decode(Slice slice) {
        byte[] b = slice.bytes();
        int o = slice.offset();
        LayerBuilder layer = new LayerBuilder("ARP", 3, b, o);
        String title = "Address Resolution Protocol";
        if (!slice.has(Arp.FIXED_LENGTH)) {
            layer.error(o, slice.captured(), "ARP needs 8 bytes before its addresses, " + slice.captured()
                    + " captured");
            return Step.last(layer.build(slice.end(), title, "ARP (truncated)"));
        }
        int hardwareSize = Arp.hardwareSize(b, o);
        int protocolSize = Arp.protocolSize(b, o);
        int opcode = Arp.opcode(b, o);
        layer.add(layer.uint("arp.hw.type", "Hardware type", o, 2, Bytes.u16(b, o)));
        int protocolType = Bytes.u16(b, o + Arp.PROTOCOL_TYPE);
        layer.add(layer.hex("arp.proto.type", "Protocol type", o + Arp.PROTOCOL_TYPE, 2, protocolType,
                EtherType.name(protocolType)));
        layer.add(layer.uint("arp.hw.size", "Hardware size", o + Arp.HARDWARE_SIZE, 1, hardwareSize));
        layer.add(layer.uint("arp.proto.size", "Protocol size", o + Arp.PROTOCOL_SIZE, 1, protocolSize));
        layer.add(layer.uint("arp.opcode", "Opcode", o + Arp.OPCODE, 2, opcode,
                Arp.opcodeName(opcode) + " (" + opcode + ")"));
        int length = Arp.length(b, o);
        if (!slice.has(length)) {
            layer.error(o, slice.captured(), "ARP with " + hardwareSize + "-byte hardware and " + protocolSize
                    + "-byte protocol addresses needs " + length + " bytes, " + slice.captured() + " captured");
            return Step.last(layer.build(slice.end(), title, "ARP (truncated)"));
        }
        int at = o + Arp.SENDER_HARDWARE;
        String senderMac = address(layer, "arp.src.hw", "Sender hardware address", at, hardwareSize, true);
        at += hardwareSize;
        String senderIp = address(layer, "arp.src.proto", "Sender protocol address", at, protocolSize, false);
        at += protocolSize;
        address(layer, "arp.dst.hw", "Target hardware address", at, hardwareSize, true);
        at += hardwareSize;
        String targetIp = address(layer, "arp.dst.proto", "Target protocol address", at, protocolSize, false);
        String summary = switch (opcode) {
            case 1 -> "ARP Who has " + targetIp + "? Tell " + senderIp;
            case 2 -> "ARP " + senderIp + " is at " + senderMac;
            default -> "ARP " + Arp.opcodeName(opcode);
        };
        return Step.last(layer.build(o + length, title + " (" + Arp.opcodeName(opcode) + ")", summary));
    }

    private static String address(LayerBuilder layer, String prefix, String label, int at, int size,
            boolean hardware) {
        byte[] b = layer.bytes();
        if (hardware && size == 6) {
            String mac = AddressText.mac(b, at);
            layer.add(layer.string(prefix + "_mac", label, at, 6, mac));
            return mac;
        }
        if (!hardware && size == 4) {
            String ip = AddressText.ipv4(b, at);
            layer.add(layer.string(prefix + "_ipv4", label, at, 4, ip));
            return ip;
        }
        if (size > 0) {
            layer.add(layer.data(prefix, label, at, size));
        }
        return "?";
    }
}

package org.wirelab.core.protocol.ethernet;

import java.util.List;
import org.wirelab.core.decode.Field;
import org.wirelab.core.decode.HeaderField;
import org.wirelab.core.decode.LayerBuilder;
import org.wirelab.core.decode.Next;
import org.wirelab.core.decode.ProtocolDecoder;
import org.wirelab.core.decode.Slice;
import org.wirelab.core.decode.Step;
import org.wirelab.core.decode.Wording;
import org.wirelab.core.header.EtherType;
import org.wirelab.core.net.AddressText;
import org.wirelab.core.protocol.ipv4.Ipv4;
import org.wirelab.core.protocol.ipv6.Ipv6;

/**
 * Ethernet II (DIX) header; an IEEE 802.3 length field instead of a type ends decoding (LLC is not decoded).
 * Each address shows its LG and IG bits, and the bytes after an IP datagram are the frame's padding and
 * trailer, as packet-eth.c shows them.
 */
public final class EthernetDecoder implements ProtocolDecoder {

    @Override
    public Step decode(Slice slice) {
        byte[] b = slice.bytes();
        int o = slice.offset();
        LayerBuilder layer = new LayerBuilder(Ethernet.PROTOCOL_FIELD.layerName(), 2, b, o);
        if (!slice.has(Ethernet.HEADER_LENGTH)) {
            layer.error(o, slice.captured(), "Ethernet header needs " + Ethernet.HEADER_LENGTH + " bytes, "
                    + slice.captured() + " captured");
            return Step.last(layer.build(slice.end(), new Wording("eth.title.truncated", Wording.NO_VALUE),
                    "Ethernet (truncated)"));
        }
        String destination = AddressText.mac(b, o + Ethernet.DESTINATION);
        String source = AddressText.mac(b, o + Ethernet.SOURCE);
        layer.add(address(layer, Ethernet.DST, Ethernet.DST_LG, Ethernet.DST_IG, o + Ethernet.DESTINATION));
        layer.add(address(layer, Ethernet.SRC, Ethernet.SRC_LG, Ethernet.SRC_IG, o + Ethernet.SOURCE));
        int type = Ethernet.etherType(b, o);
        Wording title = new Wording("eth.title", Wording.NO_VALUE, source, destination);
        String summary = "Ethernet " + source + " → " + destination;
        if (type <= EtherType.MAX_802_3_LENGTH) {
            layer.add(Ethernet.LEN, o + Ethernet.TYPE, 2);
            layer.note(o + Ethernet.TYPE, 2, "IEEE 802.3 frame (length " + type + "): its LLC header is not decoded");
            return new Step(layer.build(o + Ethernet.HEADER_LENGTH, new Wording("eth.title.802_3", Wording.NO_VALUE),
                    summary), Next.END,
                    slice.after(Ethernet.HEADER_LENGTH));
        }
        layer.add(typeField(layer, Ethernet.TYPE_FIELD, o + Ethernet.TYPE, type));
        addTrailer(layer, slice, type);
        return new Step(layer.build(o + Ethernet.HEADER_LENGTH, title, summary), new Next.ByEtherType(type),
                slice.after(Ethernet.HEADER_LENGTH));
    }

    /** An EtherType field with its name, "IPv4 (0x0800)": Ethernet's, and that of the headers that carry one. */
    public static Field typeField(LayerBuilder layer, HeaderField field, int at, int type) {
        return layer.field(field, at, 2, type, "value.named", LayerBuilder.hexText(type, 4),
                Ethernet.etherTypeWord(type));
    }

    /** An address with its LG and IG bits beneath it, each bit's meaning in words. */
    private static Field address(LayerBuilder layer, HeaderField address, HeaderField lg, HeaderField ig, int at) {
        return layer.address(address, at, Ethernet.MAC_LENGTH).withChildren(List.of(
                bit(layer, lg, at, Ethernet.LG), bit(layer, ig, at, Ethernet.IG)));
    }

    /** One of an address's bits, its meaning the word of {@code meanings} ({@code eth.lg[1]}, "Locally administered ..."). */
    private static Field bit(LayerBuilder layer, HeaderField bit, int at, HeaderField meanings) {
        boolean set = Boolean.TRUE.equals(layer.field(bit, at, Ethernet.ADDRESS_BITS_LENGTH).value());
        return layer.field(bit, at, Ethernet.ADDRESS_BITS_LENGTH, "value",
                new Wording.Word(meanings.name() + "[" + (set ? 1 : 0) + "]"));
    }

    /**
     * The bytes after the IP datagram the frame carries: up to 60 bytes of frame, zeros are padding; what is
     * not zeros there, or follows, is a trailer (packet-eth.c's add_ethernet_trailer, padding of zeros, no
     * frame check sequence on frames under 64 bytes). Only IP says how long its datagram is.
     */
    private static void addTrailer(LayerBuilder layer, Slice slice, int type) {
        byte[] b = slice.bytes();
        int payloadAt = slice.offset() + Ethernet.HEADER_LENGTH;
        int datagram = datagramLength(b, payloadAt, slice.end(), type);
        int frameLength = slice.length();
        int payloadEnd = Ethernet.HEADER_LENGTH + datagram;
        if (datagram <= 0 || payloadEnd >= frameLength
                || frameLength >= Ethernet.MIN_FRAME_LENGTH + 4 && frameLength - payloadEnd >= 4) {
            // Nothing after the datagram; or a frame long enough to end with a frame check sequence, which
            // tshark then assumes and wirelab does not read.
            return;
        }
        int at = slice.offset() + payloadEnd;
        boolean maybePadded = frameLength >= Ethernet.MIN_FRAME_LENGTH && payloadEnd < Ethernet.MIN_FRAME_LENGTH;
        int padding = maybePadded ? Ethernet.MIN_FRAME_LENGTH - payloadEnd : 0;
        for (int k = 0; k < padding; k++) {
            if (at + k >= slice.end() || b[at + k] != 0) {
                padding = 0;
                break;
            }
        }
        if (padding > 0) {
            layer.add(layer.data(Ethernet.PADDING, at, padding));
            at += padding;
        }
        int trailer = Math.min(slice.end(), slice.offset() + frameLength) - at;
        if (trailer > 0) {
            Field bytes = layer.data(Ethernet.TRAILER, at, trailer);
            if (maybePadded && padding == 0) {
                bytes = bytes.withChildren(List.of(layer.generated(Ethernet.PADDING_BAD, at, trailer, Boolean.TRUE, "1",
                        Wording.NO_VALUE)));
            }
            layer.add(bytes);
        }
    }

    /** The length an IPv4 or IPv6 header says its datagram has, or 0 when unknown (not IP, not captured, offload). */
    private static int datagramLength(byte[] b, int at, int end, int type) {
        if (type == EtherType.IPV4 && end - at >= Ipv4.MIN_HEADER_LENGTH && Ipv4.version(b, at) == 4) {
            return Ipv4.totalLength(b, at);
        }
        if (type == EtherType.IPV6 && end - at >= Ipv6.HEADER_LENGTH && Ipv6.version(b, at) == 6) {
            int payload = Ipv6.payloadLength(b, at);
            return payload == 0 ? 0 : Ipv6.HEADER_LENGTH + payload;
        }
        return 0;
    }
}

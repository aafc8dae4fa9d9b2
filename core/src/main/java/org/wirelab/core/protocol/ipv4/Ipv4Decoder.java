package org.wirelab.core.protocol.ipv4;

import java.util.ArrayList;
import java.util.List;
import org.wirelab.core.decode.Field;
import org.wirelab.core.decode.FieldLabels;
import org.wirelab.core.decode.LayerBuilder;
import org.wirelab.core.decode.Next;
import org.wirelab.core.decode.ProtocolDecoder;
import org.wirelab.core.decode.PseudoHeader;
import org.wirelab.core.decode.Slice;
import org.wirelab.core.decode.Step;
import org.wirelab.core.decode.Wording;
import org.wirelab.core.header.Bytes;
import org.wirelab.core.header.IpProtocol;
import org.wirelab.core.net.AddressText;
import org.wirelab.core.net.InternetChecksum;

/**
 * IPv4 (RFC 791): every header field, options listed, the header checksum verified, fragments flagged.
 * A non-first fragment's payload is not decoded (it does not start with a transport header).
 */
public final class Ipv4Decoder implements ProtocolDecoder {

    @Override
    public Step decode(Slice slice) {
        byte[] b = slice.bytes();
        int o = slice.offset();
        LayerBuilder layer = new LayerBuilder(Ipv4.PROTOCOL_FIELD.layerName(), 3, b, o);
        Wording title = new Wording("ip.title", Wording.NO_VALUE);
        if (!slice.has(1)) {
            layer.error(o, 0, "IPv4 header needs 20 bytes, none captured");
            return Step.last(layer.build(o, title, "IPv4 (not captured)"));
        }
        int version = Ipv4.version(b, o);
        int headerLength = Ipv4.headerLength(b, o);
        layer.add(Ipv4.VERSION, o, 1);
        if (version != 4) {
            layer.error(o, 1, "IP version " + version + " in an IPv4 header");
            return Step.last(layer.build(o + 1, title, "IPv4 (bad version " + version + ")"));
        }
        layer.add(layer.field(Ipv4.HDR_LEN, o, 1, headerLength, "value.bytes_words", Integer.toString(headerLength),
                Integer.toString(headerLength / 4)));
        if (headerLength < Ipv4.MIN_HEADER_LENGTH) {
            layer.error(o, 1, "IPv4 header length " + headerLength + " bytes, at least 20 expected");
            return Step.last(layer.build(o + 1, title, "IPv4 (bad header length)"));
        }
        if (!slice.has(Ipv4.MIN_HEADER_LENGTH)) {
            layer.error(o, slice.captured(), "IPv4 header needs 20 bytes, " + slice.captured() + " captured");
            return Step.last(layer.build(slice.end(), title, "IPv4 (truncated)"));
        }
        int tos = o + Ipv4.TOS;
        layer.add(layer.field(Ipv4.DSFIELD, tos, 1).withChildren(List.of(
                layer.field(Ipv4.DSFIELD_DSCP, tos, 1), layer.field(Ipv4.DSFIELD_ECN, tos, 1))));
        int totalLength = Ipv4.totalLength(b, o);
        layer.add(Ipv4.LEN, o + Ipv4.TOTAL_LENGTH, 2);
        int id = Ipv4.identification(b, o);
        layer.add(layer.field(Ipv4.ID, o + Ipv4.IDENTIFICATION, 2, id, "value.named", LayerBuilder.hexText(id, 4),
                Integer.toString(id)));
        int flagsWord = Ipv4.flagsAndFragment(b, o);
        int flagsAt = o + Ipv4.FLAGS_FRAGMENT;
        int flags = flagsWord >>> 13;
        Field flagsField = flags == 0 ? layer.field(Ipv4.FLAGS, flagsAt, 1)
                : layer.field(Ipv4.FLAGS, flagsAt, 1, flags, "value.flags", LayerBuilder.hexText(flags, 2),
                        new Wording.Word("ip.flags[" + flags + "]"));
        layer.add(flagsField.withChildren(List.of(layer.field(Ipv4.FLAGS_RB, flagsAt, 1),
                layer.field(Ipv4.FLAGS_DF, flagsAt, 1), layer.field(Ipv4.FLAGS_MF, flagsAt, 1))));
        int fragmentUnits = Ipv4.fragmentOffset(b, o);
        int fragmentBytes = fragmentUnits * 8;
        layer.add(layer.field(Ipv4.FRAG_OFFSET, flagsAt, 2, fragmentUnits, "value.units_bytes",
                Integer.toString(fragmentUnits), Integer.toString(fragmentBytes)));
        layer.add(Ipv4.TTL_FIELD, o + Ipv4.TTL, 1);
        int protocol = Ipv4.protocol(b, o);
        layer.add(layer.field(Ipv4.PROTO, o + Ipv4.PROTOCOL, 1, protocol, "value.named", Integer.toString(protocol),
                IpProtocol.word(protocol)));
        int checksum = Ipv4.checksum(b, o);
        layer.add(Ipv4.CHECKSUM_FIELD, o + Ipv4.CHECKSUM, 2);
        boolean headerCaptured = slice.has(headerLength);
        if (headerCaptured) {
            boolean good = InternetChecksum.of(b, o, headerLength) == 0;
            layer.add(layer.generated(Ipv4.CHECKSUM_STATUS, o + Ipv4.CHECKSUM, 2, good ? "Good" : "Bad",
                    good ? "1" : "0", "value", new Wording.Word(good ? "checksum.good" : "ip.checksum.bad")));
            if (!good) {
                int expected = InternetChecksum.finish(InternetChecksum.add(
                        InternetChecksum.add(0, b, o, Ipv4.CHECKSUM), b, o + Ipv4.CHECKSUM + 2,
                        headerLength - Ipv4.CHECKSUM - 2));
                layer.error(o + Ipv4.CHECKSUM, 2, "IPv4 header checksum " + LayerBuilder.hexText(checksum, 4)
                        + " is wrong, " + LayerBuilder.hexText(expected, 4) + " expected");
            }
        }
        String source = AddressText.ipv4(b, o + Ipv4.SOURCE);
        String destination = AddressText.ipv4(b, o + Ipv4.DESTINATION);
        layer.add(layer.address(Ipv4.SRC, o + Ipv4.SOURCE, Ipv4.ADDRESS_LENGTH));
        layer.add(layer.address(Ipv4.DST, o + Ipv4.DESTINATION, Ipv4.ADDRESS_LENGTH));
        title = new Wording("ip.title.addresses", Wording.NO_VALUE, source, destination);
        String summary = "IPv4 " + source + " → " + destination + " " + IpProtocol.name(protocol);
        if (!headerCaptured) {
            layer.error(o, slice.captured(), "IPv4 header claims " + headerLength + " bytes, " + slice.captured()
                    + " captured");
            return Step.last(layer.build(slice.end(), title, summary));
        }
        if (headerLength > Ipv4.MIN_HEADER_LENGTH) {
            layer.add(Ipv4Options.decode(layer, b, o + Ipv4.MIN_HEADER_LENGTH, o + headerLength));
        }
        int datagramLength;
        if (totalLength == 0) {
            // Segmentation offload hands the capture a datagram whose length the NIC fills in later.
            datagramLength = slice.length();
            layer.note(o + Ipv4.TOTAL_LENGTH, 2, "total length 0 (TCP segmentation offload?): using the frame's "
                    + datagramLength + " bytes");
        } else if (totalLength < headerLength) {
            layer.error(o + Ipv4.TOTAL_LENGTH, 2, "IPv4 total length " + totalLength
                    + " is smaller than its header (" + headerLength + " bytes)");
            return Step.last(layer.build(o + headerLength, title, summary));
        } else if (totalLength > slice.length() && !slice.embedded()) {
            layer.warning(o + Ipv4.TOTAL_LENGTH, 2, "IPv4 total length " + totalLength + " exceeds the "
                    + slice.length() + " bytes left in the frame");
            datagramLength = slice.length();
        } else {
            datagramLength = totalLength;
        }
        boolean more = (flagsWord & Ipv4.FLAG_MORE_FRAGMENTS) != 0;
        Slice payload = slice.sub(o + headerLength, Math.max(0, datagramLength - headerLength))
                .withPseudoHeader(new PseudoHeader(Ipv4.addressSum(b, o),
                        Bytes.u8(b, o + Ipv4.SOURCE) == 127 && Bytes.u8(b, o + Ipv4.DESTINATION) == 127, false));
        if (fragmentBytes != 0 || more) {
            layer.note(flagsAt, 2, "fragment at offset " + fragmentBytes + (more ? ", more fragments follow"
                    : ", the last one") + " (id " + LayerBuilder.hexText(id, 4) + ")");
        }
        if (more && fragmentBytes == 0) {
            payload = payload.asFragment();
        }
        if (fragmentBytes != 0) {
            return new Step(layer.build(o + headerLength, title, summary + " fragment offset=" + fragmentBytes),
                    Next.END, payload);
        }
        return new Step(layer.build(o + headerLength, title, summary), new Next.ByIpProtocol(protocol), payload);
    }

    /** Lists IPv4 options (RFC 791 section 3.1): type and length, and the value bytes. */
    static final class Ipv4Options {
        /** The option types Wireshark names, worded by the FieldLabels bundles ({@code ip.opt.type[7]}). */
        private static final java.util.Set<Integer> NAMED_TYPES = java.util.Set.of(0, 1, 7, 68, 130, 131, 136, 137,
                148);

        private Ipv4Options() {
        }

        static Field decode(LayerBuilder layer, byte[] b, int start, int end) {
            List<Field> options = new ArrayList<>();
            List<Wording.Word> names = new ArrayList<>();
            int at = start;
            while (at < end) {
                int type = Bytes.u8(b, at);
                Wording.Word name = typeWord(type);
                names.add(name);
                Field typeField = layer.field(Ipv4.OPT_TYPE, at, 1, type, "value.number_named",
                        Integer.toString(type), name);
                if (type == 0 || type == 1) {
                    options.add(layer.group(Ipv4.OPTION_TITLE, at, 1, List.of(typeField), name));
                    at++;
                    if (type == 0) {
                        break; // End of Option List: the rest is padding
                    }
                    continue;
                }
                if (at + 1 >= end || Bytes.u8(b, at + 1) < 2 || at + Bytes.u8(b, at + 1) > end) {
                    layer.error(at, end - at, "IPv4 option " + FieldLabels.english().text(name.key(), name.arguments())
                            + " at offset " + at + " has a length that does not fit the header");
                    break;
                }
                int length = Bytes.u8(b, at + 1);
                List<Field> children = new ArrayList<>();
                children.add(typeField);
                children.add(layer.field(Ipv4.OPT_LEN, at + 1, 1));
                if (length > 2) {
                    children.add(layer.data(Ipv4.OPTION_VALUE, at + 2, length - 2));
                }
                options.add(layer.group(Ipv4.SIZED_OPTION_TITLE, at, length, children, name, Integer.toString(length)));
                at += length;
            }
            return layer.group(Ipv4.OPTIONS_TITLE, start, end - start, options, Integer.toString(end - start),
                    Wording.Word.list(names));
        }

        private static Wording.Word typeWord(int type) {
            return NAMED_TYPES.contains(type) ? new Wording.Word("ip.opt.type[" + type + "]")
                    : new Wording.Word("ip.opt.type[?]", Integer.toString(type));
        }
    }
}

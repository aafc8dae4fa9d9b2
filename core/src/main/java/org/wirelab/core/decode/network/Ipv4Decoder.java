package org.wirelab.core.decode.network;

import java.util.ArrayList;
import java.util.List;
import org.wirelab.core.decode.Field;
import org.wirelab.core.decode.LayerBuilder;
import org.wirelab.core.decode.Next;
import org.wirelab.core.decode.ProtocolDecoder;
import org.wirelab.core.decode.PseudoHeader;
import org.wirelab.core.decode.Slice;
import org.wirelab.core.decode.Step;
import org.wirelab.core.header.Bytes;
import org.wirelab.core.header.IpProtocol;
import org.wirelab.core.header.Ipv4;
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
        LayerBuilder layer = new LayerBuilder("IPv4", 3, b, o);
        String title = "Internet Protocol Version 4";
        if (!slice.has(1)) {
            layer.error(o, 0, "IPv4 header needs 20 bytes, none captured");
            return Step.last(layer.build(o, title, "IPv4 (not captured)"));
        }
        int version = Ipv4.version(b, o);
        int headerLength = Ipv4.headerLength(b, o);
        layer.add(layer.bits("ip.version", "Version", o, 1, 0xf0, version, Integer.toString(version)));
        if (version != 4) {
            layer.error(o, 1, "IP version " + version + " in an IPv4 header");
            return Step.last(layer.build(o + 1, title, "IPv4 (bad version " + version + ")"));
        }
        layer.add(layer.bits("ip.hdr_len", "Header Length", o, 1, 0x0f, headerLength,
                headerLength + " bytes (" + headerLength / 4 + ")"));
        if (headerLength < Ipv4.MIN_HEADER_LENGTH) {
            layer.error(o, 1, "IPv4 header length " + headerLength + " bytes, at least 20 expected");
            return Step.last(layer.build(o + 1, title, "IPv4 (bad header length)"));
        }
        if (!slice.has(Ipv4.MIN_HEADER_LENGTH)) {
            layer.error(o, slice.captured(), "IPv4 header needs 20 bytes, " + slice.captured() + " captured");
            return Step.last(layer.build(slice.end(), title, "IPv4 (truncated)"));
        }
        int tos = Bytes.u8(b, o + Ipv4.TOS);
        layer.add(layer.hex("ip.dsfield", "Differentiated Services Field", o + Ipv4.TOS, 1, tos)
                .withChildren(List.of(
                        layer.bits("ip.dsfield.dscp", "Differentiated Services Codepoint", o + Ipv4.TOS, 1, 0xfc,
                                Ipv4.dscp(b, o), Integer.toString(Ipv4.dscp(b, o))),
                        layer.bits("ip.dsfield.ecn", "Explicit Congestion Notification", o + Ipv4.TOS, 1, 0x03,
                                Ipv4.ecn(b, o), Integer.toString(Ipv4.ecn(b, o))))));
        int totalLength = Ipv4.totalLength(b, o);
        layer.add(layer.uint("ip.len", "Total Length", o + Ipv4.TOTAL_LENGTH, 2, totalLength));
        int id = Ipv4.identification(b, o);
        layer.add(layer.hex("ip.id", "Identification", o + Ipv4.IDENTIFICATION, 2, id, Integer.toString(id)));
        int flagsWord = Ipv4.flagsAndFragment(b, o);
        int flagsAt = o + Ipv4.FLAGS_FRAGMENT;
        layer.add(layer.hexBits("ip.flags", "Flags", flagsAt, 1, 0xe0, flagsWord >>> 13, 2, flagNames(flagsWord))
                .withChildren(List.of(
                        layer.flag("ip.flags.rb", "Reserved bit", flagsAt, 1, 0x80),
                        layer.flag("ip.flags.df", "Don't fragment", flagsAt, 1, 0x40),
                        layer.flag("ip.flags.mf", "More fragments", flagsAt, 1, 0x20))));
        int fragmentUnits = Ipv4.fragmentOffset(b, o);
        int fragmentBytes = fragmentUnits * 8;
        layer.add(layer.bits("ip.frag_offset", "Fragment Offset", flagsAt, 2, 0x1fff, fragmentUnits,
                fragmentUnits + " (" + fragmentBytes + " bytes)"));
        layer.add(layer.uint("ip.ttl", "Time to Live", o + Ipv4.TTL, 1, Ipv4.ttl(b, o)));
        int protocol = Ipv4.protocol(b, o);
        layer.add(layer.uint("ip.proto", "Protocol", o + Ipv4.PROTOCOL, 1, protocol,
                IpProtocol.name(protocol) + " (" + protocol + ")"));
        int checksum = Ipv4.checksum(b, o);
        layer.add(layer.hex("ip.checksum", "Header Checksum", o + Ipv4.CHECKSUM, 2, checksum));
        boolean headerCaptured = slice.has(headerLength);
        if (headerCaptured) {
            boolean good = InternetChecksum.of(b, o, headerLength) == 0;
            layer.add(layer.generated("ip.checksum.status", "Header checksum status", o + Ipv4.CHECKSUM, 2,
                    good ? "Good" : "Bad", good ? "1" : "0", good ? "Good" : "Bad"));
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
        layer.add(layer.string("ip.src", "Source Address", o + Ipv4.SOURCE, 4, source));
        layer.add(layer.string("ip.dst", "Destination Address", o + Ipv4.DESTINATION, 4, destination));
        title = "Internet Protocol Version 4, Src: " + source + ", Dst: " + destination;
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

    private static String flagNames(int flagsWord) {
        List<String> names = new ArrayList<>();
        if ((flagsWord & Ipv4.FLAG_RESERVED) != 0) {
            names.add("Reserved");
        }
        if ((flagsWord & Ipv4.FLAG_DONT_FRAGMENT) != 0) {
            names.add("Don't fragment");
        }
        if ((flagsWord & Ipv4.FLAG_MORE_FRAGMENTS) != 0) {
            names.add("More fragments");
        }
        return String.join(", ", names);
    }

    /** Lists IPv4 options (RFC 791 section 3.1): type and length, and the value bytes. */
    static final class Ipv4Options {
        private Ipv4Options() {
        }

        static Field decode(LayerBuilder layer, byte[] b, int start, int end) {
            List<Field> options = new ArrayList<>();
            List<String> names = new ArrayList<>();
            int at = start;
            while (at < end) {
                int type = Bytes.u8(b, at);
                String name = optionName(type);
                names.add(name);
                if (type == 0 || type == 1) {
                    options.add(layer.group("", "IP Option - " + name, at, 1,
                            List.of(layer.uint("ip.opt.type", "Type", at, 1, type, type + " (" + name + ")"))));
                    at++;
                    if (type == 0) {
                        break; // End of Option List: the rest is padding
                    }
                    continue;
                }
                if (at + 1 >= end || Bytes.u8(b, at + 1) < 2 || at + Bytes.u8(b, at + 1) > end) {
                    layer.error(at, end - at, "IPv4 option " + name + " at offset " + at
                            + " has a length that does not fit the header");
                    break;
                }
                int length = Bytes.u8(b, at + 1);
                List<Field> children = new ArrayList<>();
                children.add(layer.uint("ip.opt.type", "Type", at, 1, type, type + " (" + name + ")"));
                children.add(layer.uint("ip.opt.len", "Length", at + 1, 1, length));
                if (length > 2) {
                    children.add(layer.data("", "Value", at + 2, length - 2));
                }
                options.add(layer.group("", "IP Option - " + name + " (" + length + " bytes)", at, length, children));
                at += length;
            }
            return layer.group("", "Options: (" + (end - start) + " bytes), " + String.join(", ", names), start,
                    end - start, options);
        }

        private static String optionName(int type) {
            return switch (type) {
                case 0 -> "End of Options List (EOL)";
                case 1 -> "No Operation (NOP)";
                case 7 -> "Record Route";
                case 68 -> "Time Stamp";
                case 130 -> "Security";
                case 131 -> "Loose Source Route";
                case 136 -> "Stream ID";
                case 137 -> "Strict Source Route";
                case 148 -> "Router Alert";
                default -> "Unknown (" + type + ")";
            };
        }
    }
}

package org.wirelab.core.protocol.ipv4;

import org.wirelab.core.decode.ProtocolField;
import java.util.List;
import org.wirelab.core.decode.EitherField;
import org.wirelab.core.decode.FieldType;
import org.wirelab.core.decode.HeaderField;
import org.wirelab.core.header.Bytes;

/**
 * IPv4's one place: the header layout and field accessors (RFC 791 section 3.1), the flag bits, and every
 * field Wireshark names for IPv4, declared once as packet-ip.c declares them; {@link Ipv4Decoder} adds
 * them. Their labels, and the words of their values ({@code ip.flags[2]}, {@code ip.opt.type[7]}), are in the
 * {@code FieldLabels} bundles under the same names.
 */
public final class Ipv4 {
    public static final ProtocolField PROTOCOL_FIELD = ProtocolField.titled("ip", "IPv4");
    public static final int MIN_HEADER_LENGTH = 20;
    public static final int VERSION_IHL = 0;
    public static final int TOS = 1;
    public static final int TOTAL_LENGTH = 2;
    public static final int IDENTIFICATION = 4;
    public static final int FLAGS_FRAGMENT = 6;
    public static final int TTL = 8;
    public static final int PROTOCOL = 9;
    public static final int CHECKSUM = 10;
    public static final int SOURCE = 12;
    public static final int DESTINATION = 16;
    public static final int ADDRESS_LENGTH = 4;
    public static final int FLAG_RESERVED = 0x8000;
    public static final int FLAG_DONT_FRAGMENT = 0x4000;
    public static final int FLAG_MORE_FRAGMENTS = 0x2000;

    public static final HeaderField VERSION = HeaderField.bits("ip.version", 0xf0);
    public static final HeaderField HDR_LEN = HeaderField.bits("ip.hdr_len", 0x0f);
    public static final HeaderField DSFIELD = HeaderField.hex("ip.dsfield");
    public static final HeaderField DSFIELD_DSCP = HeaderField.bits("ip.dsfield.dscp", 0xfc);
    public static final HeaderField DSFIELD_ECN = HeaderField.bits("ip.dsfield.ecn", 0x03);
    public static final HeaderField LEN = HeaderField.unsigned("ip.len");
    public static final HeaderField ID = HeaderField.hex("ip.id");
    /** The three flag bits, read from the first byte of the flags and fragment offset word. */
    public static final HeaderField FLAGS = HeaderField.hexBits("ip.flags", 0xe0);
    public static final HeaderField FLAGS_RB = HeaderField.flag("ip.flags.rb", FLAG_RESERVED >>> 8);
    public static final HeaderField FLAGS_DF = HeaderField.flag("ip.flags.df", FLAG_DONT_FRAGMENT >>> 8);
    public static final HeaderField FLAGS_MF = HeaderField.flag("ip.flags.mf", FLAG_MORE_FRAGMENTS >>> 8);
    public static final HeaderField FRAG_OFFSET = HeaderField.bits("ip.frag_offset", 0x1fff);
    public static final HeaderField TTL_FIELD = HeaderField.unsigned("ip.ttl");
    public static final HeaderField PROTO = HeaderField.unsigned("ip.proto");
    public static final HeaderField CHECKSUM_FIELD = HeaderField.hex("ip.checksum");
    public static final HeaderField CHECKSUM_STATUS = HeaderField.unsigned("ip.checksum.status");
    public static final HeaderField SRC = HeaderField.of("ip.src", FieldType.IPV4);
    public static final HeaderField DST = HeaderField.of("ip.dst", FieldType.IPV4);
    /** Hidden: each of ip.src and ip.dst. */
    public static final HeaderField ADDR = HeaderField.of("ip.addr", FieldType.IPV4);
    /**
     * Hidden: the host names of the addresses, which are the addresses themselves since wirelab resolves no
     * name (as tshark without name resolution, its default with -T fields).
     */
    public static final HeaderField SRC_HOST = HeaderField.of("ip.src_host", FieldType.STRING);
    public static final HeaderField DST_HOST = HeaderField.of("ip.dst_host", FieldType.STRING);
    public static final HeaderField HOST = HeaderField.of("ip.host", FieldType.STRING);
    public static final HeaderField OPT_TYPE = HeaderField.unsigned("ip.opt.type");
    public static final HeaderField OPT_LEN = HeaderField.unsigned("ip.opt.len");
    /** The options' subtree, each option's subtree and an option's value: Wireshark names none of them. */
    public static final HeaderField OPTIONS_TITLE = HeaderField.unnamed("ip.options");
    public static final HeaderField OPTION_TITLE = HeaderField.unnamed("ip.option");
    public static final HeaderField SIZED_OPTION_TITLE = HeaderField.unnamed("ip.option.sized");
    public static final HeaderField OPTION_VALUE = HeaderField.unnamed("ip.option.value");

    /** Every named IPv4 field, for the registry of names (-e, display filters). */
    public static final List<HeaderField> FIELDS = List.of(SRC, DST, ADDR, VERSION, HDR_LEN, DSFIELD, DSFIELD_DSCP,
            DSFIELD_ECN, LEN, ID, FLAGS, FLAGS_RB, FLAGS_DF, FLAGS_MF, FRAG_OFFSET, TTL_FIELD, PROTO, CHECKSUM_FIELD,
            CHECKSUM_STATUS, OPT_TYPE, OPT_LEN, SRC_HOST, DST_HOST, HOST);

    /** The hidden fields packet-ip.c adds beside each address, with its value. */
    public static final List<EitherField> EITHER = List.of(EitherField.of(ADDR, SRC, DST),
            EitherField.of(SRC_HOST, SRC), EitherField.of(DST_HOST, DST), EitherField.of(HOST, SRC, DST));

    private Ipv4() {
    }

    public static int version(byte[] b, int offset) {
        return Bytes.u8(b, offset) >>> 4;
    }

    /** The IHL field times four: the header length in bytes, options included. */
    public static int headerLength(byte[] b, int offset) {
        return (Bytes.u8(b, offset) & 0x0f) * 4;
    }

    public static int dscp(byte[] b, int offset) {
        return Bytes.u8(b, offset + TOS) >>> 2;
    }

    public static int ecn(byte[] b, int offset) {
        return Bytes.u8(b, offset + TOS) & 3;
    }

    public static int totalLength(byte[] b, int offset) {
        return Bytes.u16(b, offset + TOTAL_LENGTH);
    }

    public static int identification(byte[] b, int offset) {
        return Bytes.u16(b, offset + IDENTIFICATION);
    }

    /** The flags and fragment offset word; test it with the FLAG_ masks. */
    public static int flagsAndFragment(byte[] b, int offset) {
        return Bytes.u16(b, offset + FLAGS_FRAGMENT);
    }

    /** The fragment offset in 8-byte units. */
    public static int fragmentOffset(byte[] b, int offset) {
        return flagsAndFragment(b, offset) & 0x1fff;
    }

    public static boolean moreFragments(byte[] b, int offset) {
        return (flagsAndFragment(b, offset) & FLAG_MORE_FRAGMENTS) != 0;
    }

    public static int ttl(byte[] b, int offset) {
        return Bytes.u8(b, offset + TTL);
    }

    public static int protocol(byte[] b, int offset) {
        return Bytes.u8(b, offset + PROTOCOL);
    }

    public static int checksum(byte[] b, int offset) {
        return Bytes.u16(b, offset + CHECKSUM);
    }

    /** The source plus destination address words: the part of a TCP/UDP pseudo-header sum IPv4 gives. */
    public static long addressSum(byte[] b, int offset) {
        return org.wirelab.core.net.InternetChecksum.add(0, b, offset + SOURCE, 2 * ADDRESS_LENGTH);
    }
}

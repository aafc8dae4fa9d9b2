package org.wirelab.core.protocol.ipv6;

import org.wirelab.core.decode.ProtocolField;
import java.util.List;
import org.wirelab.core.decode.EitherField;
import org.wirelab.core.decode.FieldType;
import org.wirelab.core.decode.HeaderField;
import org.wirelab.core.header.Bytes;
import org.wirelab.core.header.IpProtocol;

/**
 * IPv6's one place: the fixed header and extension header layout (RFC 8200 sections 3 and 4, RFC 4302 for
 * AH) and every field Wireshark names for them, declared once as packet-ipv6.c and packet-ipsec.c declare
 * them; {@link Ipv6Decoder} adds them. Their labels are in the {@code FieldLabels} bundles under the same
 * names; the IP protocol numbers' names ({@code ipproto[44]}) are shared with IPv4.
 */
public final class Ipv6 {
    public static final ProtocolField PROTOCOL_FIELD = ProtocolField.titled("ipv6", "IPv6");
    public static final int HEADER_LENGTH = 40;
    public static final int PAYLOAD_LENGTH = 4;
    public static final int NEXT_HEADER = 6;
    public static final int HOP_LIMIT = 7;
    public static final int SOURCE = 8;
    public static final int DESTINATION = 24;
    public static final int ADDRESS_LENGTH = 16;
    /** Every extension header starts with next header and (except Fragment) a length byte. */
    public static final int EXTENSION_MIN_LENGTH = 8;

    public static final HeaderField VERSION = HeaderField.bits("ipv6.version", 0xf0);
    public static final HeaderField TCLASS = HeaderField.hexBits("ipv6.tclass", 0x0ff00000L);
    public static final HeaderField TCLASS_DSCP = HeaderField.bits("ipv6.tclass.dscp", 0x0fc00000L);
    public static final HeaderField TCLASS_ECN = HeaderField.bits("ipv6.tclass.ecn", 0x00300000L);
    public static final HeaderField FLOW = HeaderField.hexBits("ipv6.flow", 0x000fffffL);
    public static final HeaderField PLEN = HeaderField.unsigned("ipv6.plen");
    public static final HeaderField NXT = HeaderField.unsigned("ipv6.nxt");
    public static final HeaderField HLIM = HeaderField.unsigned("ipv6.hlim");
    public static final HeaderField SRC = HeaderField.of("ipv6.src", FieldType.IPV6);
    public static final HeaderField DST = HeaderField.of("ipv6.dst", FieldType.IPV6);
    /** Hidden: each of ipv6.src and ipv6.dst. */
    public static final HeaderField ADDR = HeaderField.of("ipv6.addr", FieldType.IPV6);
    /** Hidden: the host names of the addresses, the addresses themselves since wirelab resolves no name. */
    public static final HeaderField SRC_HOST = HeaderField.of("ipv6.src_host", FieldType.STRING);
    public static final HeaderField DST_HOST = HeaderField.of("ipv6.dst_host", FieldType.STRING);
    public static final HeaderField HOST = HeaderField.of("ipv6.host", FieldType.STRING);

    // The extension headers, each a subtree titled by its protocol's name and length.
    public static final HeaderField EXTENSION_TITLE = HeaderField.unnamed("ipv6.extension");
    public static final HeaderField HOPOPTS = HeaderField.of("ipv6.hopopts", FieldType.NONE);
    public static final HeaderField HOPOPTS_NXT = HeaderField.unsigned("ipv6.hopopts.nxt");
    public static final HeaderField HOPOPTS_LEN = HeaderField.unsigned("ipv6.hopopts.len");
    public static final HeaderField DSTOPTS = HeaderField.of("ipv6.dstopts", FieldType.NONE);
    public static final HeaderField DSTOPTS_NXT = HeaderField.unsigned("ipv6.dstopts.nxt");
    public static final HeaderField DSTOPTS_LEN = HeaderField.unsigned("ipv6.dstopts.len");
    public static final HeaderField ROUTING = HeaderField.of("ipv6.routing", FieldType.NONE);
    public static final HeaderField ROUTING_NXT = HeaderField.unsigned("ipv6.routing.nxt");
    public static final HeaderField ROUTING_LEN = HeaderField.unsigned("ipv6.routing.len");
    public static final HeaderField ROUTING_TYPE = HeaderField.unsigned("ipv6.routing.type");
    public static final HeaderField ROUTING_SEGLEFT = HeaderField.unsigned("ipv6.routing.segleft");
    /** The options of a Hop-by-Hop or Destination Options header, or a routing header's data, as bytes. */
    public static final HeaderField OPTIONS_DATA = HeaderField.unnamed("ipv6.options");
    public static final HeaderField FRAGHDR_NXT = HeaderField.unsigned("ipv6.fraghdr.nxt");
    public static final HeaderField FRAGHDR_OFFSET = HeaderField.bits("ipv6.fraghdr.offset", 0xfff8);
    public static final HeaderField FRAGHDR_MORE = HeaderField.flag("ipv6.fraghdr.more", 0x0001);
    public static final HeaderField FRAGHDR_IDENT = HeaderField.hex("ipv6.fraghdr.ident");
    public static final HeaderField AH_NEXT_HEADER = HeaderField.unsigned("ah.next_header");
    public static final HeaderField AH_LENGTH = HeaderField.unsigned("ah.length");
    public static final HeaderField AH_SPI = HeaderField.hex("ah.spi");
    public static final HeaderField AH_SEQUENCE = HeaderField.unsigned("ah.sequence");
    public static final HeaderField AH_ICV = HeaderField.of("ah.icv", FieldType.BYTES);

    /** Every named field of IPv6 and its extension headers, for the registry of names (-e, display filters). */
    public static final List<HeaderField> FIELDS = List.of(SRC, DST, ADDR, VERSION, TCLASS, TCLASS_DSCP, TCLASS_ECN,
            FLOW, PLEN, NXT, HLIM, HOPOPTS_NXT, HOPOPTS_LEN, DSTOPTS_NXT, DSTOPTS_LEN, ROUTING_NXT, ROUTING_LEN,
            ROUTING_TYPE, ROUTING_SEGLEFT, FRAGHDR_NXT, FRAGHDR_OFFSET, FRAGHDR_IDENT, AH_NEXT_HEADER, AH_LENGTH,
            AH_SPI, AH_SEQUENCE, FRAGHDR_MORE, HOPOPTS, DSTOPTS, ROUTING, AH_ICV, SRC_HOST, DST_HOST, HOST);

    /** The hidden fields packet-ipv6.c adds beside each address, with its value. */
    public static final List<EitherField> EITHER = List.of(EitherField.of(ADDR, SRC, DST),
            EitherField.of(SRC_HOST, SRC), EitherField.of(DST_HOST, DST), EitherField.of(HOST, SRC, DST));

    private Ipv6() {
    }

    public static int version(byte[] b, int offset) {
        return Bytes.u8(b, offset) >>> 4;
    }

    public static int trafficClass(byte[] b, int offset) {
        return (Bytes.u16(b, offset) >>> 4) & 0xff;
    }

    public static int flowLabel(byte[] b, int offset) {
        return Bytes.u32(b, offset) & 0xfffff;
    }

    public static int payloadLength(byte[] b, int offset) {
        return Bytes.u16(b, offset + PAYLOAD_LENGTH);
    }

    public static int nextHeader(byte[] b, int offset) {
        return Bytes.u8(b, offset + NEXT_HEADER);
    }

    public static int hopLimit(byte[] b, int offset) {
        return Bytes.u8(b, offset + HOP_LIMIT);
    }

    /** The headers walked as extension headers: Hop-by-Hop, Routing, Fragment, Destination Options, AH. */
    public static boolean isExtensionHeader(int nextHeader) {
        return nextHeader == IpProtocol.HOP_BY_HOP || nextHeader == IpProtocol.ROUTING
                || nextHeader == IpProtocol.FRAGMENT || nextHeader == IpProtocol.DESTINATION_OPTIONS
                || nextHeader == IpProtocol.AH;
    }

    /** The next-header byte of the extension header at {@code offset}. */
    public static int extensionNextHeader(byte[] b, int offset) {
        return Bytes.u8(b, offset);
    }

    /**
     * The length in bytes of the extension header of type {@code type} at {@code offset} (its first two
     * bytes must be captured): 8 for Fragment, (len + 2) * 4 for AH (RFC 4302 section 2.2), otherwise
     * (len + 1) * 8.
     */
    public static int extensionLength(byte[] b, int offset, int type) {
        if (type == IpProtocol.FRAGMENT) {
            return 8;
        }
        int length = Bytes.u8(b, offset + 1);
        return type == IpProtocol.AH ? (length + 2) * 4 : (length + 1) * 8;
    }

    /** Fragment header (RFC 8200 section 4.5): the offset in 8-byte units. */
    public static int fragmentOffset(byte[] b, int offset) {
        return Bytes.u16(b, offset + 2) >>> 3;
    }

    public static boolean fragmentMore(byte[] b, int offset) {
        return (Bytes.u16(b, offset + 2) & 1) != 0;
    }

    public static int fragmentIdentification(byte[] b, int offset) {
        return Bytes.u32(b, offset + 4);
    }

    public static long addressSum(byte[] b, int offset) {
        return org.wirelab.core.net.InternetChecksum.add(0, b, offset + SOURCE, 2 * ADDRESS_LENGTH);
    }
}

package org.wirelab.core.header;

/** IPv6 fixed header and extension header layout (RFC 8200 sections 3 and 4, RFC 4302 for AH). */
public final class Ipv6 {
    public static final int HEADER_LENGTH = 40;
    public static final int PAYLOAD_LENGTH = 4;
    public static final int NEXT_HEADER = 6;
    public static final int HOP_LIMIT = 7;
    public static final int SOURCE = 8;
    public static final int DESTINATION = 24;
    public static final int ADDRESS_LENGTH = 16;
    /** Every extension header starts with next header and (except Fragment) a length byte. */
    public static final int EXTENSION_MIN_LENGTH = 8;

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

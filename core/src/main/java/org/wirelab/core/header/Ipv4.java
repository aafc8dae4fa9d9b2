package org.wirelab.core.header;

/** IPv4 header layout and field accessors (RFC 791 section 3.1). */
public final class Ipv4 {
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

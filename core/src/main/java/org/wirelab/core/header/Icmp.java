package org.wirelab.core.header;

/** ICMP (RFC 792) and ICMPv6 (RFC 4443) share this 4-byte start: type, code, checksum. */
public final class Icmp {
    public static final int HEADER_LENGTH = 8;
    public static final int TYPE = 0;
    public static final int CODE = 1;
    public static final int CHECKSUM = 2;
    public static final int IDENTIFIER = 4;
    public static final int SEQUENCE = 6;

    public static final int ECHO_REPLY = 0;
    public static final int DESTINATION_UNREACHABLE = 3;
    public static final int SOURCE_QUENCH = 4;
    public static final int REDIRECT = 5;
    public static final int ECHO_REQUEST = 8;
    public static final int TIME_EXCEEDED = 11;
    public static final int PARAMETER_PROBLEM = 12;

    public static final int V6_DESTINATION_UNREACHABLE = 1;
    public static final int V6_PACKET_TOO_BIG = 2;
    public static final int V6_TIME_EXCEEDED = 3;
    public static final int V6_PARAMETER_PROBLEM = 4;
    public static final int V6_ECHO_REQUEST = 128;
    public static final int V6_ECHO_REPLY = 129;

    private Icmp() {
    }

    public static int type(byte[] b, int offset) {
        return Bytes.u8(b, offset + TYPE);
    }

    public static int code(byte[] b, int offset) {
        return Bytes.u8(b, offset + CODE);
    }

    public static int checksum(byte[] b, int offset) {
        return Bytes.u16(b, offset + CHECKSUM);
    }

    public static int identifier(byte[] b, int offset) {
        return Bytes.u16(b, offset + IDENTIFIER);
    }

    public static int sequence(byte[] b, int offset) {
        return Bytes.u16(b, offset + SEQUENCE);
    }

    /** ICMPv4 errors quote the offending datagram's IP header after the 8-byte header (RFC 792). */
    public static boolean isError(int type) {
        return type == DESTINATION_UNREACHABLE || type == SOURCE_QUENCH || type == REDIRECT
                || type == TIME_EXCEEDED || type == PARAMETER_PROBLEM;
    }

    /** ICMPv6 error messages are types 0-127 (RFC 4443 section 2.1); the four defined ones quote a packet. */
    public static boolean isV6Error(int type) {
        return type >= V6_DESTINATION_UNREACHABLE && type <= V6_PARAMETER_PROBLEM;
    }

    public static boolean isEcho(int type) {
        return type == ECHO_REQUEST || type == ECHO_REPLY;
    }

    public static boolean isV6Echo(int type) {
        return type == V6_ECHO_REQUEST || type == V6_ECHO_REPLY;
    }
}

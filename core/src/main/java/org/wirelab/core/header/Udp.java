package org.wirelab.core.header;

/** UDP header layout (RFC 768). */
public final class Udp {
    public static final int HEADER_LENGTH = 8;
    public static final int SOURCE_PORT = 0;
    public static final int DESTINATION_PORT = 2;
    public static final int LENGTH = 4;
    public static final int CHECKSUM = 6;

    private Udp() {
    }

    public static int sourcePort(byte[] b, int offset) {
        return Bytes.u16(b, offset + SOURCE_PORT);
    }

    public static int destinationPort(byte[] b, int offset) {
        return Bytes.u16(b, offset + DESTINATION_PORT);
    }

    public static int length(byte[] b, int offset) {
        return Bytes.u16(b, offset + LENGTH);
    }

    public static int checksum(byte[] b, int offset) {
        return Bytes.u16(b, offset + CHECKSUM);
    }
}

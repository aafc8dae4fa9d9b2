package org.wirelab.core.protocol.ipv6;

import java.util.Arrays;
import org.wirelab.core.encode.Bytes;
import org.wirelab.core.encode.Computed;
import org.wirelab.core.encode.NetworkHeader;

/**
 * One IPv6 extension header (RFC 8200 section 4) kept as its raw bytes, its own Next Header byte
 * included. {@code type} is the protocol number announcing it (0 hop-by-hop, 43 routing, 44 fragment,
 * 60 destination options, 51 authentication...).
 */
public record Ipv6ExtensionHeader(int type, byte[] bytes) {

    public Ipv6ExtensionHeader {
        Bytes.checkRange("extension header type", type, 255);
        bytes = bytes.clone();
        if (bytes.length < 8 || bytes.length % 8 != 0 && type != 51) {
            throw new IllegalArgumentException("an IPv6 extension header is a multiple of 8 bytes, not " + bytes.length);
        }
    }

    /**
     * Builds a header of the usual layout (Next Header, Hdr Ext Len in 8-octet units beyond the first
     * 8, then {@code body}); {@code body} must make the header a multiple of 8 bytes.
     */
    public static Ipv6ExtensionHeader of(int type, int nextHeader, byte[] body) {
        byte[] bytes = new byte[2 + body.length];
        bytes[0] = (byte) nextHeader;
        bytes[1] = (byte) (bytes.length / 8 - 1);
        System.arraycopy(body, 0, bytes, 2, body.length);
        return new Ipv6ExtensionHeader(type, bytes);
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    public int length() {
        return bytes.length;
    }

    /** The Next Header byte of this extension header. */
    public int nextHeader() {
        return bytes[0] & 0xff;
    }

    void write(byte[] out, int offset) {
        System.arraycopy(bytes, 0, out, offset, bytes.length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ipv6ExtensionHeader h && type == h.type && Arrays.equals(bytes, h.bytes);
    }

    @Override
    public int hashCode() {
        return 31 * type + Arrays.hashCode(bytes);
    }
}

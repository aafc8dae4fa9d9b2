package org.wirelab.core.protocol.dns;

import org.wirelab.core.header.Bytes;

/**
 * The domain names of one DNS message, possibly compressed (RFC 1035 section 4.1.4): a name ends at a
 * zero length or continues at a pointer into the message. Jumps are bounded, so a pointer loop is a
 * malformed name rather than an endless one; bytes that are not printable show as '?'.
 */
final class DnsNames {
    private static final int MAX_POINTER_JUMPS = 32;
    private static final int MAX_NAME_LENGTH = 255;

    private final byte[] b;
    private final int messageStart;
    private final int end;

    DnsNames(byte[] b, int messageStart, int end) {
        this.b = b;
        this.messageStart = messageStart;
        this.end = end;
    }

    /** A name's text ("<Root>" for the root) and the offset after the part of it written in place. */
    record Read(String text, int next) {
    }

    /** The name at {@code at}, or null when it is malformed or runs past the message. */
    Read read(int at) {
        StringBuilder text = new StringBuilder();
        int p = at;
        int next = -1;
        for (int jumps = 0; jumps <= MAX_POINTER_JUMPS; ) {
            if (p >= end) {
                return null;
            }
            int length = Bytes.u8(b, p);
            if (length == 0) {
                return new Read(text.length() == 0 ? "<Root>" : text.toString(), next < 0 ? p + 1 : next);
            }
            if ((length & 0xc0) == 0xc0) {
                if (p + 1 >= end) {
                    return null;
                }
                if (next < 0) {
                    next = p + 2;
                }
                p = messageStart + (((length & 0x3f) << 8) | Bytes.u8(b, p + 1));
                jumps++;
                continue;
            }
            if ((length & 0xc0) != 0 || p + 1 + length > end || text.length() + length > MAX_NAME_LENGTH) {
                return null;
            }
            if (text.length() > 0) {
                text.append('.');
            }
            for (int i = p + 1; i <= p + length; i++) {
                int c = b[i] & 0xff;
                text.append(c > 0x20 && c < 0x7f ? (char) c : '?');
            }
            p += 1 + length;
        }
        return null;
    }
}

package org.wirelab.core.net;

/**
 * The Internet checksum of RFC 1071: the one's complement of the one's complement sum of 16-bit words,
 * used by IPv4, ICMP, TCP and UDP. Sums can be chained, e.g. a pseudo-header then a segment.
 */
public final class InternetChecksum {
    private InternetChecksum() {
    }

    /** Adds {@code length} bytes from {@code offset} to a running 32-bit sum (an odd last byte is padded). */
    public static long add(long sum, byte[] bytes, int offset, int length) {
        int end = offset + length;
        int i = offset;
        for (; i + 1 < end; i += 2) {
            sum += ((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff);
        }
        if (i < end) {
            sum += (bytes[i] & 0xff) << 8;
        }
        return sum;
    }

    /** Adds a 16-bit value, such as a pseudo-header's protocol or length. */
    public static long addWord(long sum, int word) {
        return sum + (word & 0xffff);
    }

    /** Folds the carries and complements: the value to store in a checksum field. */
    public static int finish(long sum) {
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        return (int) (~sum & 0xffff);
    }

    /** The checksum of one block of bytes; 0 when the block already contains a correct checksum. */
    public static int of(byte[] bytes, int offset, int length) {
        return finish(add(0, bytes, offset, length));
    }
}

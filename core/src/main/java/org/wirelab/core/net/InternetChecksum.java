package org.wirelab.core.net;

/**
 * The Internet checksum of RFC 1071: the one's complement of the one's complement sum of 16-bit words,
 * used by IPv4, ICMP, TCP and UDP. Sums can be chained, e.g. a pseudo-header then a segment.
 */
public final class InternetChecksum {
    private static final java.lang.invoke.VarHandle BIG_ENDIAN_INT =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(int[].class, java.nio.ByteOrder.BIG_ENDIAN);

    private InternetChecksum() {
    }

    /**
     * Adds {@code length} bytes from {@code offset} to a running sum (an odd last byte is padded). The sum
     * is only meant for {@link #add}, {@link #addWord} and {@link #finish}: it is kept modulo 0xffff, the
     * one's complement sum's modulus, not as 16-bit words.
     */
    public static long add(long sum, byte[] bytes, int offset, int length) {
        int end = offset + length;
        int i = offset;
        // RFC 1071 section 2 (B): 32-bit words added in a 64-bit accumulator fold to the same 16-bit sum,
        // since 2^16 = 1 modulo 0xffff; twice fewer additions than 16-bit words.
        for (; i + 3 < end; i += 4) {
            sum += (int) BIG_ENDIAN_INT.get(bytes, i) & 0xffffffffL;
        }
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

package org.wirelab.core.encode;

/** Big-endian reads and writes of the header fields, shared by the encoder and the header parser. */
final class Bytes {
    private Bytes() {
    }

    static int u8(byte[] b, int i) {
        return b[i] & 0xff;
    }

    static int u16(byte[] b, int i) {
        return ((b[i] & 0xff) << 8) | (b[i + 1] & 0xff);
    }

    static long u32(byte[] b, int i) {
        return ((long) u16(b, i) << 16) | u16(b, i + 2);
    }

    static void put16(byte[] b, int i, int value) {
        b[i] = (byte) (value >>> 8);
        b[i + 1] = (byte) value;
    }

    static void put32(byte[] b, int i, long value) {
        b[i] = (byte) (value >>> 24);
        b[i + 1] = (byte) (value >>> 16);
        b[i + 2] = (byte) (value >>> 8);
        b[i + 3] = (byte) value;
    }

    static byte[] copy(byte[] bytes, int expectedLength, String what) {
        if (bytes.length != expectedLength) {
            throw new IllegalArgumentException(what + " must be " + expectedLength + " bytes, not " + bytes.length);
        }
        return bytes.clone();
    }

    static void checkRange(String what, long value, long max) {
        if (value < 0 || value > max) {
            throw new IllegalArgumentException(what + " " + value + " outside 0.." + max);
        }
    }

    /** Like {@link #checkRange} but also accepts {@link Computed#VALUE}. */
    static void checkRangeOrComputed(String what, long value, long max) {
        if (value != Computed.VALUE) {
            checkRange(what, value, max);
        }
    }
}

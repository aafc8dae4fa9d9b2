package org.wirelab.core.encode;

/**
 * Big-endian writes and range checks of header fields, for each protocol's emit form (reads are in
 * {@code org.wirelab.core.header.Bytes}).
 */
public final class Bytes {
    private Bytes() {
    }

    public static void put16(byte[] b, int i, int value) {
        b[i] = (byte) (value >>> 8);
        b[i + 1] = (byte) value;
    }

    public static void put32(byte[] b, int i, long value) {
        b[i] = (byte) (value >>> 24);
        b[i + 1] = (byte) (value >>> 16);
        b[i + 2] = (byte) (value >>> 8);
        b[i + 3] = (byte) value;
    }

    public static byte[] copy(byte[] bytes, int expectedLength, String what) {
        if (bytes.length != expectedLength) {
            throw new IllegalArgumentException(what + " must be " + expectedLength + " bytes, not " + bytes.length);
        }
        return bytes.clone();
    }

    public static void checkRange(String what, long value, long max) {
        if (value < 0 || value > max) {
            throw new IllegalArgumentException(what + " " + value + " outside 0.." + max);
        }
    }

    /** Like {@link #checkRange} but also accepts {@link Computed#VALUE}. */
    public static void checkRangeOrComputed(String what, long value, long max) {
        if (value != Computed.VALUE) {
            checkRange(what, value, max);
        }
    }
}

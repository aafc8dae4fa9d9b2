package org.wirelab.core.header;

/** Unsigned big-endian reads from frame bytes in place; callers bounds-check first. */
public final class Bytes {
    private Bytes() {
    }

    public static int u8(byte[] b, int offset) {
        return b[offset] & 0xff;
    }

    public static int u16(byte[] b, int offset) {
        return ((b[offset] & 0xff) << 8) | (b[offset + 1] & 0xff);
    }

    /** A 32-bit big-endian value; use {@link Integer#toUnsignedLong} to print it. */
    public static int u32(byte[] b, int offset) {
        return ((b[offset] & 0xff) << 24) | ((b[offset + 1] & 0xff) << 16) | ((b[offset + 2] & 0xff) << 8)
                | (b[offset + 3] & 0xff);
    }

    public static int u32LittleEndian(byte[] b, int offset) {
        return Integer.reverseBytes(u32(b, offset));
    }
}

package org.wirelab.core.decode;

/** A run of bytes in a frame, from {@code offset} (0 = the frame's first byte) for {@code length} bytes. */
public record ByteRange(int offset, int length) {
    public ByteRange {
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("byte range " + offset + "+" + length);
        }
    }

    public int end() {
        return offset + length;
    }

    public boolean contains(int frameOffset) {
        return frameOffset >= offset && frameOffset < end();
    }
}

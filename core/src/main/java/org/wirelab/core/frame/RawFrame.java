package org.wirelab.core.frame;

import java.util.Arrays;

/**
 * One frame as it crossed the wire, before any decoding: what a capture, a file or the simulator
 * produces. {@code number} is 1-based like Wireshark's; {@code timestampNanos} counts nanoseconds since
 * the Unix epoch; {@code originalLength} may exceed the captured bytes when the snapshot length cut them.
 */
public record RawFrame(int number, long timestampNanos, int linkType, byte[] bytes, int originalLength) {

    public RawFrame {
        bytes = bytes.clone();
        if (originalLength < bytes.length) {
            throw new IllegalArgumentException("original length " + originalLength
                    + " is smaller than the " + bytes.length + " captured bytes");
        }
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    public int capturedLength() {
        return bytes.length;
    }

    /** Reads a byte without copying the array. */
    public int byteAt(int index) {
        return bytes[index] & 0xff;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RawFrame f && number == f.number && timestampNanos == f.timestampNanos
                && linkType == f.linkType && originalLength == f.originalLength && Arrays.equals(bytes, f.bytes);
    }

    @Override
    public int hashCode() {
        return 31 * Long.hashCode(timestampNanos) + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "RawFrame[#" + number + ", t=" + timestampNanos + "ns, link=" + linkType + ", "
                + bytes.length + "/" + originalLength + " bytes]";
    }
}

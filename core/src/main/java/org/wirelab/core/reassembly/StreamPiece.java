package org.wirelab.core.reassembly;

import java.util.Arrays;

/**
 * One piece of what a side of a conversation delivered to its application: bytes, or a marked gap.
 * {@code node} is 0 for the side that sent the conversation's first segment and 1 for the other (tshark's
 * "Node 0" and "Node 1"); {@code offset} counts bytes from that side's first sequence number.
 */
public sealed interface StreamPiece permits StreamPiece.Data, StreamPiece.Gap {

    int node();

    /** The frame that delivered the piece (for a gap: the frame that revealed it). */
    int frameNumber();

    long offset();

    long length();

    /** Bytes delivered in order; a copy of the segment's payload (or of the part not seen before). */
    record Data(int node, int frameNumber, long offset, byte[] bytes) implements StreamPiece {
        public Data {
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        @Override
        public long length() {
            return bytes.length;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Data d && node == d.node && frameNumber == d.frameNumber && offset == d.offset
                    && Arrays.equals(bytes, d.bytes);
        }

        @Override
        public int hashCode() {
            return 31 * frameNumber + Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "Data[node " + node + ", frame " + frameNumber + ", offset " + offset + ", " + bytes.length
                    + " bytes]";
        }
    }

    /** Bytes the application received but the capture does not hold. */
    record Gap(int node, int frameNumber, long offset, long length, Cause cause) implements StreamPiece {
    }

    /** Why bytes are missing. */
    enum Cause {
        /**
         * The segment was never captured, but the peer acknowledged it (tshark shows
         * "[N bytes missing in capture file]").
         */
        NOT_CAPTURED,
        /** The segment was captured, but the snapshot length cut its payload (tshark shows nothing). */
        TRUNCATED
    }
}

package org.wirelab.core.protocol.tcp;

import java.util.Arrays;
import java.util.List;
import org.wirelab.core.encode.Bytes;

/**
 * One TCP option (RFC 9293 section 3.2 and the RFCs cited on each kind), as it appears in the header.
 * {@link Unknown} keeps any other well-formed option, {@link Malformed} the bytes that do not form one,
 * so that every header re-encodes to its exact bytes.
 */
public sealed interface TcpOption {

    /** Encoded size in bytes. */
    int length();

    /** Writes the option at {@code offset}. */
    void write(byte[] out, int offset);

    /** Kind 0: End of Option List; the bytes after it up to the data offset are padding. */
    record Eol() implements TcpOption {
        public int length() { return 1; }
        public void write(byte[] out, int offset) { out[offset] = 0; }
    }

    /** Kind 1: No-Operation, used to align the next option. */
    record Nop() implements TcpOption {
        public int length() { return 1; }
        public void write(byte[] out, int offset) { out[offset] = 1; }
    }

    /** Kind 2: Maximum Segment Size, sent with SYN. */
    record MaximumSegmentSize(int mss) implements TcpOption {
        public MaximumSegmentSize {
            Bytes.checkRange("MSS", mss, 0xffff);
        }
        public int length() { return 4; }
        public void write(byte[] out, int offset) {
            write(out, offset, mss);
        }
        /** Writes the option without making one (an encoder of many segments). */
        public static void write(byte[] out, int offset, int mss) {
            out[offset] = 2;
            out[offset + 1] = 4;
            Bytes.put16(out, offset + 2, mss);
        }
    }

    /** Kind 3: Window Scale (RFC 7323 section 2), the shift count sent with SYN. */
    record WindowScale(int shift) implements TcpOption {
        public WindowScale {
            Bytes.checkRange("window scale shift", shift, 255);
        }
        public int length() { return 3; }
        public void write(byte[] out, int offset) {
            write(out, offset, shift);
        }
        /** Writes the option without making one (an encoder of many segments). */
        public static void write(byte[] out, int offset, int shift) {
            out[offset] = 3;
            out[offset + 1] = 3;
            out[offset + 2] = (byte) shift;
        }
    }

    /** Kind 4: SACK Permitted (RFC 2018), sent with SYN. */
    record SackPermitted() implements TcpOption {
        public int length() { return 2; }
        public void write(byte[] out, int offset) {
            out[offset] = 4;
            out[offset + 1] = 2;
        }
    }

    /** Kind 5: Selective Acknowledgment (RFC 2018): up to four blocks of received sequence space. */
    record Sack(List<SackBlock> blocks) implements TcpOption {
        public Sack {
            blocks = List.copyOf(blocks);
            if (blocks.isEmpty() || blocks.size() > 4) {
                throw new IllegalArgumentException("a SACK option has 1 to 4 blocks, not " + blocks.size());
            }
        }
        public int length() { return 2 + 8 * blocks.size(); }
        public void write(byte[] out, int offset) {
            long[] edges = new long[2 * blocks.size()];
            for (int i = 0; i < blocks.size(); i++) {
                edges[2 * i] = blocks.get(i).leftEdge();
                edges[2 * i + 1] = blocks.get(i).rightEdge();
            }
            write(out, offset, edges);
        }
        /**
         * Writes the option without making one (an encoder of many segments): {@code edges} holds each
         * block's left then right edge, 1 to 4 blocks.
         */
        public static void write(byte[] out, int offset, long[] edges) {
            out[offset] = 5;
            out[offset + 1] = (byte) (2 + 4 * edges.length);
            for (int i = 0; i < edges.length; i++) {
                Bytes.put32(out, offset + 2 + 4 * i, edges[i]);
            }
        }
    }

    /** One SACK block: the first sequence number received and the one after the last. */
    record SackBlock(long leftEdge, long rightEdge) {
        public SackBlock {
            Bytes.checkRange("SACK left edge", leftEdge, 0xffffffffL);
            Bytes.checkRange("SACK right edge", rightEdge, 0xffffffffL);
        }
    }

    /** Kind 8: Timestamps (RFC 7323 section 3): TSval and TSecr. */
    record Timestamps(long value, long echoReply) implements TcpOption {
        public Timestamps {
            Bytes.checkRange("TSval", value, 0xffffffffL);
            Bytes.checkRange("TSecr", echoReply, 0xffffffffL);
        }
        public int length() { return 10; }
        public void write(byte[] out, int offset) {
            write(out, offset, value, echoReply);
        }
        /** Writes the option without making one (an encoder of many segments). */
        public static void write(byte[] out, int offset, long value, long echoReply) {
            out[offset] = 8;
            out[offset + 1] = 10;
            Bytes.put32(out, offset + 2, value);
            Bytes.put32(out, offset + 6, echoReply);
        }
    }

    /**
     * Any other option, or a known kind with an unexpected length: kind, a length byte of
     * {@code 2 + data.length}, then {@code data}.
     */
    record Unknown(int kind, byte[] data) implements TcpOption {
        public Unknown {
            Bytes.checkRange("option kind", kind, 255);
            data = data.clone();
            if (data.length > 253) {
                throw new IllegalArgumentException("option data is at most 253 bytes, not " + data.length);
            }
        }
        @Override
        public byte[] data() { return data.clone(); }
        public int length() { return 2 + data.length; }
        public void write(byte[] out, int offset) {
            out[offset] = (byte) kind;
            out[offset + 1] = (byte) length();
            System.arraycopy(data, 0, out, offset + 2, data.length);
        }
        @Override
        public boolean equals(Object o) {
            return o instanceof Unknown u && kind == u.kind && Arrays.equals(data, u.data);
        }
        @Override
        public int hashCode() { return 31 * kind + Arrays.hashCode(data); }
        @Override
        public String toString() { return "Unknown[kind=" + kind + ", " + data.length + " bytes]"; }
    }

    /**
     * Bytes that do not form an option (a length below 2, or one running past the header), kept
     * verbatim; Wireshark flags them as a malformed option.
     */
    record Malformed(byte[] bytes) implements TcpOption {
        public Malformed {
            bytes = bytes.clone();
        }
        @Override
        public byte[] bytes() { return bytes.clone(); }
        public int length() { return bytes.length; }
        public void write(byte[] out, int offset) { System.arraycopy(bytes, 0, out, offset, bytes.length); }
        @Override
        public boolean equals(Object o) { return o instanceof Malformed m && Arrays.equals(bytes, m.bytes); }
        @Override
        public int hashCode() { return Arrays.hashCode(bytes); }
        @Override
        public String toString() { return "Malformed[" + bytes.length + " bytes]"; }
    }
}

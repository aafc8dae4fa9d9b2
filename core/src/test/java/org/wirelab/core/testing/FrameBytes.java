package org.wirelab.core.testing;

import java.io.ByteArrayOutputStream;
import java.util.HexFormat;

/**
 * Hand-built frames for decoder tests, written field by field from the RFC layouts so that the
 * expected values come from the test, not from the decoder. Checksums are left zero unless a test
 * sets them.
 */
public final class FrameBytes {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    public static FrameBytes of() {
        return new FrameBytes();
    }

    public static byte[] hex(String text) {
        return HexFormat.of().parseHex(text.replaceAll("[\\s:.]", ""));
    }

    public FrameBytes u8(int value) {
        out.write(value);
        return this;
    }

    public FrameBytes u16(int value) {
        return u8(value >>> 8).u8(value);
    }

    public FrameBytes u32(long value) {
        return u16((int) (value >>> 16)).u16((int) value);
    }

    public FrameBytes bytes(byte[] value) {
        out.writeBytes(value);
        return this;
    }

    public FrameBytes hexBytes(String text) {
        return bytes(hex(text));
    }

    public FrameBytes ethernet(int etherType) {
        return hexBytes("00 11 22 33 44 55 66 77 88 99 aa bb").u16(etherType);
    }

    /** An IPv4 header without options; {@code payloadLength} sets the total length. */
    public FrameBytes ipv4(int protocol, String source, String destination, int payloadLength) {
        return ipv4(protocol, source, destination, payloadLength, 0, new byte[0]);
    }

    public FrameBytes ipv4(int protocol, String source, String destination, int payloadLength, int flagsFragment,
            byte[] options) {
        int headerLength = 20 + options.length;
        u8(0x40 | headerLength / 4).u8(0).u16(headerLength + payloadLength).u16(0x1234).u16(flagsFragment)
                .u8(64).u8(protocol).u16(0);
        return address4(source).address4(destination).bytes(options);
    }

    public FrameBytes ipv6(int nextHeader, String source, String destination, int payloadLength) {
        return u32(0x60000000L).u16(payloadLength).u8(nextHeader).u8(64).address6(source).address6(destination);
    }

    public FrameBytes tcp(int sourcePort, int destinationPort, long seq, long ack, int flags, int window,
            byte[] options) {
        int headerLength = 20 + options.length;
        return u16(sourcePort).u16(destinationPort).u32(seq).u32(ack).u16((headerLength / 4) << 12 | flags)
                .u16(window).u16(0).u16(0).bytes(options);
    }

    public FrameBytes udp(int sourcePort, int destinationPort, int payloadLength) {
        return u16(sourcePort).u16(destinationPort).u16(8 + payloadLength).u16(0);
    }

    private FrameBytes address4(String dotted) {
        for (String part : dotted.split("\\.")) {
            u8(Integer.parseInt(part));
        }
        return this;
    }

    private FrameBytes address6(String text) {
        try {
            return bytes(java.net.InetAddress.getByName(text).getAddress());
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    public byte[] build() {
        return out.toByteArray();
    }

    public int length() {
        return out.size();
    }
}

package org.wirelab.core.pcap;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Builds pcapng files block by block (draft-ietf-opsawg-pcapng) for tests, in either byte order. */
final class PcapNgBuilder {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private ByteOrder order = ByteOrder.LITTLE_ENDIAN;

    /** Starts a section in {@code sectionOrder}, version 1.0, length unknown (-1). */
    PcapNgBuilder section(ByteOrder sectionOrder) {
        return section(sectionOrder, 1, 0);
    }

    PcapNgBuilder section(ByteOrder sectionOrder, int major, int minor) {
        order = sectionOrder;
        ByteBuffer body = buffer(16).putInt(0x1a2b3c4d).putShort((short) major).putShort((short) minor).putLong(-1);
        return block(0x0a0d0d0a, body.array());
    }

    /** An interface; {@code tsresol} < 0 leaves if_tsresol out, {@code tsoffset} 0 leaves if_tsoffset out. */
    PcapNgBuilder interfaceDescription(int linkType, int snapLength, int tsresol, long tsoffset) {
        ByteBuffer body = buffer(8 + 8 + 12 + 4).putShort((short) linkType).putShort((short) 0).putInt(snapLength);
        if (tsresol >= 0) {
            body.putShort((short) 9).putShort((short) 1).put((byte) tsresol).put(new byte[3]);
        }
        if (tsoffset != 0) {
            body.putShort((short) 14).putShort((short) 8).putLong(tsoffset);
        }
        body.putInt(0); // opt_endofopt
        return block(1, trim(body));
    }

    PcapNgBuilder enhancedPacket(int interfaceId, long ticks, byte[] data, int originalLength) {
        ByteBuffer body = buffer(20 + padded(data.length)).putInt(interfaceId).putInt((int) (ticks >>> 32))
                .putInt((int) ticks).putInt(data.length).putInt(originalLength).put(data);
        return block(6, body.array());
    }

    PcapNgBuilder obsoletePacket(int interfaceId, long ticks, byte[] data, int originalLength) {
        ByteBuffer body = buffer(20 + padded(data.length)).putShort((short) interfaceId).putShort((short) 0)
                .putInt((int) (ticks >>> 32)).putInt((int) ticks).putInt(data.length).putInt(originalLength).put(data);
        return block(2, body.array());
    }

    PcapNgBuilder simplePacket(byte[] data, int originalLength) {
        return block(3, buffer(4 + padded(data.length)).putInt(originalLength).put(data).array());
    }

    /** A block of a type readers skip (e.g. 4, name resolution; 5, interface statistics). */
    PcapNgBuilder otherBlock(int type, int bodyLength) {
        return block(type, new byte[padded(bodyLength)]);
    }

    byte[] bytes() {
        return out.toByteArray();
    }

    private PcapNgBuilder block(int type, byte[] body) {
        int total = 12 + body.length;
        out.writeBytes(buffer(8).putInt(type).putInt(total).array());
        out.writeBytes(body);
        out.writeBytes(buffer(4).putInt(total).array());
        return this;
    }

    private ByteBuffer buffer(int capacity) {
        return ByteBuffer.allocate(capacity).order(order);
    }

    private static byte[] trim(ByteBuffer body) {
        byte[] bytes = new byte[body.position()];
        body.flip().get(bytes);
        return bytes;
    }

    private static int padded(int length) {
        return (length + 3) & ~3;
    }
}

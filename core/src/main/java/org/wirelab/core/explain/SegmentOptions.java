package org.wirelab.core.explain;

import org.wirelab.core.frame.FrameStore;
import org.wirelab.core.protocol.ipv4.Ipv4;
import org.wirelab.core.summary.PacketTable;

/**
 * What a sentence needs from a TCP segment beyond the summary columns, read from the frame's bytes:
 * the IPv4 identification, the timestamp value (RFC 7323) and the SACK blocks (RFC 2018, raw sequence
 * numbers). Two copies of one segment duplicated by the network carry the same identification and
 * timestamp; a copy sent again by TCP carries new ones.
 */
record SegmentOptions(int identification, boolean hasTimestamp, long timestamp, int[] sackLeft, int[] sackRight) {
    private static final int KIND_END = 0;
    private static final int KIND_NOP = 1;
    private static final int KIND_SACK = 5;
    private static final int KIND_TIMESTAMP = 8;

    static SegmentOptions of(FrameStore frames, PacketTable table, int i) {
        byte[] b = frames.buffer(i);
        int start = frames.offset(i);
        int end = start + frames.capturedLength(i);
        int identification = -1;
        if (table.network(i) == PacketTable.NETWORK_IPV4) {
            int ip = start + table.networkOffset(i);
            identification = (b[ip + Ipv4.IDENTIFICATION] & 0xff) << 8 | (b[ip + Ipv4.IDENTIFICATION + 1] & 0xff);
        }
        int tcp = start + table.transportOffset(i);
        int optionsEnd = Math.min(end, tcp + table.tcpHeaderLength(i));
        boolean hasTimestamp = false;
        long timestamp = 0;
        int[] left = new int[0];
        int[] right = new int[0];
        int at = tcp + 20;
        while (at < optionsEnd) {
            int kind = b[at] & 0xff;
            if (kind == KIND_END) {
                break;
            }
            if (kind == KIND_NOP) {
                at++;
                continue;
            }
            if (at + 1 >= optionsEnd) {
                break;
            }
            int length = b[at + 1] & 0xff;
            if (length < 2 || at + length > optionsEnd) {
                break;
            }
            if (kind == KIND_TIMESTAMP && length == 10) {
                hasTimestamp = true;
                timestamp = Integer.toUnsignedLong(readInt(b, at + 2));
            } else if (kind == KIND_SACK && (length - 2) % 8 == 0) {
                int blocks = (length - 2) / 8;
                left = new int[blocks];
                right = new int[blocks];
                for (int k = 0; k < blocks; k++) {
                    left[k] = readInt(b, at + 2 + 8 * k);
                    right[k] = readInt(b, at + 6 + 8 * k);
                }
            }
            at += length;
        }
        return new SegmentOptions(identification, hasTimestamp, timestamp, left, right);
    }

    int sackBlocks() {
        return sackLeft.length;
    }

    /** RFC 2883 section 4: the first block is a D-SACK when it lies below the ACK or inside the second block. */
    boolean firstBlockIsDuplicate(int acknowledgement) {
        if (sackLeft.length == 0) {
            return false;
        }
        boolean belowAck = sackRight[0] - acknowledgement <= 0;
        boolean insideSecond = sackLeft.length > 1 && sackLeft[0] - sackLeft[1] >= 0 && sackRight[0] - sackRight[1] <= 0;
        return belowAck || insideSecond;
    }

    private static int readInt(byte[] b, int at) {
        return (b[at] & 0xff) << 24 | (b[at + 1] & 0xff) << 16 | (b[at + 2] & 0xff) << 8 | (b[at + 3] & 0xff);
    }
}

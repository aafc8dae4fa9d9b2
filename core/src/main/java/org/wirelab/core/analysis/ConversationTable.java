package org.wirelab.core.analysis;

import java.util.Arrays;

/**
 * The conversations of one transport, numbered from 0 in order of creation, with a primitive open
 * addressing hash from an unordered endpoint pair (read in place from frame bytes) to the newest
 * conversation between them, as Wireshark's conversation table returns the latest one set up.
 * No object per frame or per conversation.
 */
final class ConversationTable {
    static final int FROM_NOBODY = -1;

    private int size;
    private byte[] addresses = new byte[32 * 16];   // per conversation: endpoint A at 0, B at 16
    private byte[] addressLength = new byte[16];
    private char[] portA = new char[16];
    private char[] portB = new char[16];
    private int[] firstFrame = new int[16];
    private int[] lastFrame = new int[16];
    private int[] frameCount = new int[16];
    private byte[] firstSynFrom = new byte[16];      // 0 = A, 1 = B, FROM_NOBODY
    private byte[] firstSynAckFrom = new byte[16];
    private int[] slots = new int[64];               // conversation + 1; 0 is empty

    int size() {
        return size;
    }

    /** The newest conversation between the two endpoints, or -1. */
    int find(byte[] bytes, int sourceOffset, int destinationOffset, int length, int sourcePort,
            int destinationPort) {
        int mask = slots.length - 1;
        for (int s = hash(bytes, sourceOffset, destinationOffset, length, sourcePort, destinationPort) & mask; ;
                s = (s + 1) & mask) {
            int id = slots[s] - 1;
            if (id < 0) {
                return -1;
            }
            if (matches(id, bytes, sourceOffset, destinationOffset, length, sourcePort, destinationPort)) {
                return id;
            }
        }
    }

    /**
     * Starts a conversation whose endpoint A is the source; it replaces an older conversation between
     * the same endpoints in the hash (TCP port reuse), which keeps its number and statistics.
     */
    int add(byte[] bytes, int sourceOffset, int destinationOffset, int length, int sourcePort,
            int destinationPort, int frameIndex) {
        if (2 * (size + 1) > slots.length) {
            rehash(slots.length * 2);
        }
        ensureCapacity(size + 1);
        int id = size++;
        System.arraycopy(bytes, sourceOffset, addresses, 32 * id, length);
        System.arraycopy(bytes, destinationOffset, addresses, 32 * id + 16, length);
        addressLength[id] = (byte) length;
        portA[id] = (char) sourcePort;
        portB[id] = (char) destinationPort;
        firstFrame[id] = frameIndex;
        firstSynFrom[id] = FROM_NOBODY;
        firstSynAckFrom[id] = FROM_NOBODY;
        int mask = slots.length - 1;
        for (int s = hash(bytes, sourceOffset, destinationOffset, length, sourcePort, destinationPort) & mask; ;
                s = (s + 1) & mask) {
            int old = slots[s] - 1;
            if (old < 0 || matches(old, bytes, sourceOffset, destinationOffset, length, sourcePort, destinationPort)) {
                slots[s] = id + 1;
                return id;
            }
        }
    }

    /** 0 when the frame's source is endpoint A, 1 when it is B (0 when A and B are the same socket). */
    int direction(int id, byte[] bytes, int sourceOffset, int sourcePort) {
        return portA[id] == sourcePort && sameAddress(id, 0, bytes, sourceOffset) ? 0 : 1;
    }

    void count(int id, int frameIndex) {
        lastFrame[id] = frameIndex;
        frameCount[id]++;
    }

    void noteSyn(int id, int direction, boolean withAck) {
        byte[] first = withAck ? firstSynAckFrom : firstSynFrom;
        if (first[id] == FROM_NOBODY) {
            first[id] = (byte) direction;
        }
    }

    Conversation conversation(Conversation.Protocol protocol, int id) {
        int length = addressLength[id];
        Endpoint a = new Endpoint(Arrays.copyOfRange(addresses, 32 * id, 32 * id + length), portA[id]);
        Endpoint b = new Endpoint(Arrays.copyOfRange(addresses, 32 * id + 16, 32 * id + 16 + length), portB[id]);
        return new Conversation(protocol, id, a, b, firstFrame[id], lastFrame[id], frameCount[id],
                clientIsA(protocol, id));
    }

    boolean clientIsA(Conversation.Protocol protocol, int id) {
        if (protocol == Conversation.Protocol.UDP) {
            return true;
        }
        if (firstSynFrom[id] != FROM_NOBODY) {
            return firstSynFrom[id] == 0;
        }
        if (firstSynAckFrom[id] != FROM_NOBODY) {
            return firstSynAckFrom[id] == 1;
        }
        return portA[id] >= portB[id];
    }

    long retainedBytes() {
        return addresses.length + 1L * addressLength.length + 2L * portA.length + 2L * portB.length
                + 4L * firstFrame.length + 4L * lastFrame.length + 4L * frameCount.length + firstSynFrom.length
                + firstSynAckFrom.length + 4L * slots.length;
    }

    private boolean matches(int id, byte[] bytes, int sourceOffset, int destinationOffset, int length,
            int sourcePort, int destinationPort) {
        if (addressLength[id] != length) {
            return false;
        }
        if (portA[id] == sourcePort && portB[id] == destinationPort && sameAddress(id, 0, bytes, sourceOffset)
                && sameAddress(id, 16, bytes, destinationOffset)) {
            return true;
        }
        return portA[id] == destinationPort && portB[id] == sourcePort && sameAddress(id, 0, bytes, destinationOffset)
                && sameAddress(id, 16, bytes, sourceOffset);
    }

    private boolean sameAddress(int id, int side, byte[] bytes, int offset) {
        int length = addressLength[id];
        int base = 32 * id + side;
        for (int k = 0; k < length; k++) {
            if (addresses[base + k] != bytes[offset + k]) {
                return false;
            }
        }
        return true;
    }

    /** Symmetric in the two endpoints, so both directions of a conversation land on the same slots. */
    private static int hash(byte[] bytes, int sourceOffset, int destinationOffset, int length, int sourcePort,
            int destinationPort) {
        return mix(endpointHash(bytes, sourceOffset, length, sourcePort))
                + mix(endpointHash(bytes, destinationOffset, length, destinationPort));
    }

    private static int endpointHash(byte[] bytes, int offset, int length, int port) {
        int h = length;
        for (int k = 0; k < length; k++) {
            h = 31 * h + bytes[offset + k];
        }
        return 31 * h + port;
    }

    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        return h ^ (h >>> 16);
    }

    private void rehash(int capacity) {
        int[] old = slots;
        slots = new int[capacity];
        int mask = capacity - 1;
        for (int entry : old) {
            int id = entry - 1;
            if (id < 0) {
                continue;
            }
            int base = 32 * id;
            int s = hash(addresses, base, base + 16, addressLength[id], portA[id], portB[id]) & mask;
            while (slots[s] != 0) {
                s = (s + 1) & mask;
            }
            slots[s] = entry;
        }
    }

    private void ensureCapacity(int conversations) {
        if (conversations <= firstFrame.length) {
            return;
        }
        int n = Math.max(conversations, firstFrame.length * 2);
        addresses = Arrays.copyOf(addresses, 32 * n);
        addressLength = Arrays.copyOf(addressLength, n);
        portA = Arrays.copyOf(portA, n);
        portB = Arrays.copyOf(portB, n);
        firstFrame = Arrays.copyOf(firstFrame, n);
        lastFrame = Arrays.copyOf(lastFrame, n);
        frameCount = Arrays.copyOf(frameCount, n);
        firstSynFrom = Arrays.copyOf(firstSynFrom, n);
        firstSynAckFrom = Arrays.copyOf(firstSynAckFrom, n);
    }
}

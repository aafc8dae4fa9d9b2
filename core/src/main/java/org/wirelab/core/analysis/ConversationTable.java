package org.wirelab.core.analysis;

import java.util.Arrays;

/**
 * The conversations of one transport, numbered from 0 in order of creation, with a primitive open
 * addressing hash from an unordered endpoint pair to the newest conversation between them, as
 * Wireshark's conversation table returns the latest one set up. No object per frame or conversation.
 *
 * <p>Each conversation is one 16-int record (a cache line): ports, address words (one for IPv4, four
 * for IPv6) of A and B, first and last frame, frame count, and for TCP the base sequence number of
 * each direction, so that placing a frame touches the hash slot and one record. Lookups take a
 * {@link Key} the caller refills for each frame.
 */
final class ConversationTable {
    static final int FROM_NOBODY = -1;

    private static final int STRIDE = 16;
    private static final int PORTS = 0;          // portA << 16 | portB
    private static final int SHAPE = 1;          // words | firstSynFrom + 1 << 8 | firstSynAckFrom + 1 << 16
    private static final int A = 2;              // 4 words
    private static final int B = 6;              // 4 words
    private static final int FIRST_FRAME = 10;
    private static final int LAST_FRAME = 11;
    private static final int FRAME_COUNT = 12;
    private static final int BASE = 13;          // 2 ints: base sequence of direction 0 and 1
    private static final int BASE_SET = 15;      // bit per direction

    /** The endpoints of the frame being placed: source and destination address words and ports. */
    static final class Key {
        final int[] source = new int[4];
        final int[] destination = new int[4];
        int words;
        int sourcePort;
        int destinationPort;
        int hash;

        /** Call after filling the fields: the hash is symmetric, so both directions meet. */
        void rehash() {
            hash = mix(endpointHash(source, 0, words, sourcePort))
                    + mix(endpointHash(destination, 0, words, destinationPort));
        }
    }

    private int size;
    private int[] records = new int[STRIDE * 16];
    private int[] slots = new int[64];           // conversation + 1; 0 is empty

    int size() {
        return size;
    }

    /** The newest conversation between the key's endpoints, or -1. */
    int find(Key key) {
        int mask = slots.length - 1;
        for (int s = key.hash & mask; ; s = (s + 1) & mask) {
            int id = slots[s] - 1;
            if (id < 0 || matches(id, key)) {
                return id;
            }
        }
    }

    /**
     * Starts a conversation whose endpoint A is the key's source; it replaces an older conversation
     * between the same endpoints in the hash (TCP port reuse), which keeps its number and statistics.
     */
    int add(Key key, int frameIndex) {
        if (2 * (size + 1) > slots.length) {
            rehash(slots.length * 2);
        }
        if (STRIDE * (size + 1) > records.length) {
            records = Arrays.copyOf(records, 2 * records.length);
        }
        int id = size++;
        int r = STRIDE * id;
        records[r + PORTS] = key.sourcePort << 16 | key.destinationPort;
        records[r + SHAPE] = key.words;
        System.arraycopy(key.source, 0, records, r + A, 4);
        System.arraycopy(key.destination, 0, records, r + B, 4);
        records[r + FIRST_FRAME] = frameIndex;
        int mask = slots.length - 1;
        for (int s = key.hash & mask; ; s = (s + 1) & mask) {
            int old = slots[s] - 1;
            if (old < 0 || matches(old, key)) {
                slots[s] = id + 1;
                return id;
            }
        }
    }

    /** 0 when the key's source is endpoint A, 1 when it is B (0 when A and B are the same socket). */
    int direction(int id, Key key) {
        int r = STRIDE * id;
        return records[r + PORTS] >>> 16 == key.sourcePort && same(r + A, key.source, key.words) ? 0 : 1;
    }

    void count(int id, int frameIndex) {
        int r = STRIDE * id;
        records[r + LAST_FRAME] = frameIndex;
        records[r + FRAME_COUNT]++;
    }

    /** Remembers which side sent the first SYN (or SYN+ACK): the client's role follows from it. */
    void noteSyn(int id, int direction, boolean withAck) {
        int r = STRIDE * id;
        int shift = withAck ? 16 : 8;
        if ((records[r + SHAPE] >>> shift & 0xff) == 0) {
            records[r + SHAPE] |= (direction + 1) << shift;
        }
    }

    boolean hasBase(int id, int direction) {
        return (records[STRIDE * id + BASE_SET] & (1 << direction)) != 0;
    }

    int base(int id, int direction) {
        return records[STRIDE * id + BASE + direction];
    }

    void setBase(int id, int direction, int value) {
        int r = STRIDE * id;
        records[r + BASE + direction] = value;
        records[r + BASE_SET] |= 1 << direction;
    }

    Conversation conversation(Conversation.Protocol protocol, int id) {
        int r = STRIDE * id;
        return new Conversation(protocol, id, endpoint(r + A, records[r + PORTS] >>> 16),
                endpoint(r + B, records[r + PORTS] & 0xffff), records[r + FIRST_FRAME], records[r + LAST_FRAME],
                records[r + FRAME_COUNT], clientIsA(protocol, id));
    }

    private Endpoint endpoint(int at, int port) {
        int count = records[at - (at % STRIDE) + SHAPE] & 0xff;
        byte[] address = new byte[4 * count];
        for (int w = 0; w < count; w++) {
            int word = records[at + w];
            address[4 * w] = (byte) (word >>> 24);
            address[4 * w + 1] = (byte) (word >>> 16);
            address[4 * w + 2] = (byte) (word >>> 8);
            address[4 * w + 3] = (byte) word;
        }
        return new Endpoint(address, port);
    }

    boolean clientIsA(Conversation.Protocol protocol, int id) {
        if (protocol == Conversation.Protocol.UDP) {
            return true;
        }
        int r = STRIDE * id;
        int syn = records[r + SHAPE] >>> 8 & 0xff;
        int synAck = records[r + SHAPE] >>> 16 & 0xff;
        if (syn != 0) {
            return syn == 1;
        }
        if (synAck != 0) {
            return synAck == 2;
        }
        return records[r + PORTS] >>> 16 >= (records[r + PORTS] & 0xffff);
    }

    long retainedBytes() {
        return 4L * records.length + 4L * slots.length;
    }

    private boolean matches(int id, Key key) {
        int r = STRIDE * id;
        if ((records[r + SHAPE] & 0xff) != key.words) {
            return false;
        }
        int ports = records[r + PORTS];
        if (ports == (key.sourcePort << 16 | key.destinationPort) && same(r + A, key.source, key.words)
                && same(r + B, key.destination, key.words)) {
            return true;
        }
        return ports == (key.destinationPort << 16 | key.sourcePort) && same(r + A, key.destination, key.words)
                && same(r + B, key.source, key.words);
    }

    private boolean same(int at, int[] address, int count) {
        for (int w = 0; w < count; w++) {
            if (records[at + w] != address[w]) {
                return false;
            }
        }
        return true;
    }

    private static int endpointHash(int[] address, int from, int count, int port) {
        int h = port;
        for (int w = 0; w < count; w++) {
            h = 31 * h + address[from + w];
        }
        return h;
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
            int r = STRIDE * id;
            int count = records[r + SHAPE] & 0xff;
            int h = mix(endpointHash(records, r + A, count, records[r + PORTS] >>> 16))
                    + mix(endpointHash(records, r + B, count, records[r + PORTS] & 0xffff));
            int s = h & mask;
            while (slots[s] != 0) {
                s = (s + 1) & mask;
            }
            slots[s] = entry;
        }
    }
}

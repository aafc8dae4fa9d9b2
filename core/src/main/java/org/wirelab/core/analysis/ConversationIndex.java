package org.wirelab.core.analysis;

import org.wirelab.core.protocol.tcp.Tcp;
import org.wirelab.core.frame.FrameReader;
import org.wirelab.core.frame.FrameStore;
import org.wirelab.core.frame.PassProgress;
import org.wirelab.core.header.Bytes;
import org.wirelab.core.summary.PacketTable;

/**
 * TCP streams and UDP flows numbered exactly as tshark 4.0 numbers {@code tcp.stream} and
 * {@code udp.stream}, with each frame's direction and TCP relative sequence numbers, in primitive
 * columns (no object per frame). Frame index {@code i} is the frame number minus one.
 *
 * <p>As in Wireshark's packet-tcp.c, a pure SYN whose sequence number differs from the initial one
 * already seen from that side starts a new stream on the same ports (flagged as reused ports); a
 * SYN+ACK with a different sequence number only moves the base of the relative numbers. Relative
 * numbers count from the SYN's sequence number, or from one before the first segment seen when the
 * handshake was not captured; an acknowledgement counts from one before the first acknowledgement
 * number seen from the other side. Without a known segment length tshark prints raw numbers, and so
 * do we.
 */
public final class ConversationIndex {
    /** Stream index of a frame that belongs to no conversation. */
    public static final int NONE = -1;

    static final int BIT_FROM_B = 1;
    static final int BIT_REUSED_PORTS = 2;
    /** A pure SYN repeating the initial sequence number of its side: tshark restores that side's next seq. */
    static final int BIT_SYN_SAME_ISN = 4;

    private final PacketTable table;
    private final int[] stream;
    private final byte[] bits;
    private final int[] relativeSequence;
    private final int[] relativeAcknowledgement;
    private final ConversationTable tcp;
    private final ConversationTable udp;
    private final int firstIndex;    // the capture's index of this index's frame 0
    private final ConversationTable.Key key = new ConversationTable.Key();   // reused for every frame added

    private ConversationIndex(PacketTable table, int frames, ConversationTable tcp, ConversationTable udp,
            int firstIndex) {
        this.table = table;
        this.tcp = tcp;
        this.udp = udp;
        this.firstIndex = firstIndex;
        stream = new int[frames];
        bits = new byte[frames];
        relativeSequence = new int[frames];
        relativeAcknowledgement = new int[frames];
    }

    /** Numbers the conversations of every frame in {@code table} (filled by the summary decoder). */
    public static ConversationIndex build(FrameStore frames, PacketTable table) {
        return build(frames, table, PassProgress.NONE);
    }

    /** {@link #build(FrameStore, PacketTable)}, telling {@code progress} how far it has gone. */
    public static ConversationIndex build(FrameStore frames, PacketTable table, PassProgress progress) {
        return build(toFill(frames, table), frames, progress);
    }

    /**
     * Numbers the conversations of the frames that follow {@code previous}'s in the capture (a file read
     * a segment at a time), as one pass over the whole capture would: streams keep their numbers and
     * {@link Conversation}s count the frames of every segment, their first and last frames numbered in
     * the whole capture. {@code previous} hands its conversations over: its per-frame answers stay
     * right, its conversation answers follow this index from now on.
     */
    public static ConversationIndex after(ConversationIndex previous, FrameStore frames, PacketTable table) {
        return build(toFillAfter(previous, frames, table), frames, PassProgress.NONE);
    }

    private static void checkFollows(ConversationIndex previous, FrameStore frames) {
        if (frames.firstIndex() != previous.firstIndex + previous.frameCount()) {
            throw new IllegalArgumentException("frames from index " + frames.firstIndex() + " do not follow frames "
                    + previous.firstIndex + " to " + (previous.firstIndex + previous.frameCount() - 1));
        }
    }

    private static ConversationIndex build(ConversationIndex index, FrameStore frames, PassProgress progress) {
        FrameReader reader = frames.reader();
        for (int i = 0; i < index.table.size(); i++) {
            progress.at(i, index.table.size());
            index.add(frames, i, reader.buffer(i));
        }
        return index;
    }

    /**
     * An index of {@code table}'s frames to fill one frame at a time with {@link #add}, in the pass that
     * decodes them: each frame's bytes are then read once for both.
     */
    static ConversationIndex toFill(FrameStore frames, PacketTable table) {
        return new ConversationIndex(table, frames.size(), new ConversationTable(), new ConversationTable(),
                frames.firstIndex());
    }

    /** As {@link #toFill}, for the frames that follow {@code previous}'s (see {@link #after}). */
    static ConversationIndex toFillAfter(ConversationIndex previous, FrameStore frames, PacketTable table) {
        checkFollows(previous, frames);
        return new ConversationIndex(table, frames.size(), previous.tcp, previous.udp, frames.firstIndex());
    }

    /**
     * Numbers frame {@code i}'s conversation, once its row of the table is decoded and every frame before
     * it is added; {@code bytes} holds the frame's bytes (from {@code frames.offset(i)}).
     */
    void add(FrameStore frames, int i, byte[] bytes) {
        stream[i] = NONE;
        int network = table.network(i);
        if (network != PacketTable.NETWORK_IPV4 && network != PacketTable.NETWORK_IPV6) {
            return;
        }
        boolean isTcp = TcpReach.hasFixedFields(frames, table, i);
        if (!isTcp && !isUdpWithStream(frames, table, i)) {
            return;
        }
        fillKey(key, bytes, frames.offset(i) + table.networkOffset(i), network == PacketTable.NETWORK_IPV4, i);
        if (isTcp) {
            addTcp(frames, key, i);
        } else {
            addUdp(key, i);
        }
    }

    /** Reads the frame's addresses in place as big-endian 32-bit words (IPv4: 1, IPv6: 4 each). */
    private void fillKey(ConversationTable.Key key, byte[] bytes, int ipStart, boolean ipv4, int i) {
        if (ipv4) {
            key.words = 1;
            key.source[0] = Bytes.u32(bytes, ipStart + 12);
            key.destination[0] = Bytes.u32(bytes, ipStart + 16);
        } else {
            key.words = 4;
            for (int w = 0; w < 4; w++) {
                key.source[w] = Bytes.u32(bytes, ipStart + 8 + 4 * w);
                key.destination[w] = Bytes.u32(bytes, ipStart + 24 + 4 * w);
            }
        }
        key.sourcePort = table.sourcePort(i);
        key.destinationPort = table.destinationPort(i);
        key.rehash();
    }

    /**
     * tshark gives a UDP header a stream once its 8 bytes are captured and its length field is at
     * least 8 (0 on IPv6 is an RFC 2675 jumbogram, whose length comes from IPv6).
     */
    private static boolean isUdpWithStream(FrameStore frames, PacketTable table, int i) {
        if (table.transport(i) != PacketTable.TRANSPORT_UDP || table.hasStatus(i, PacketTable.STATUS_IP_FRAGMENT)
                || frames.capturedLength(i) - table.transportOffset(i) < 8) {
            return false;
        }
        int length = table.udpLength(i);
        return length >= 8 || length == 0 && table.network(i) == PacketTable.NETWORK_IPV6;
    }

    private void addUdp(ConversationTable.Key key, int i) {
        int id = udp.find(key);
        if (id < 0) {
            id = udp.add(key, firstIndex + i);
        }
        stream[i] = id;
        if (udp.direction(id, key) == 1) {
            bits[i] |= BIT_FROM_B;
        }
        udp.count(id, firstIndex + i);
    }

    private void addTcp(FrameStore frames, ConversationTable.Key key, int i) {
        int flags = table.tcpFlags(i);
        int seq = table.sequence(i);
        int id = tcp.find(key);
        if (id < 0) {
            id = tcp.add(key, firstIndex + i);
        }
        int direction = tcp.direction(id, key);
        if ((flags & (Tcp.SYN | Tcp.ACK)) == Tcp.SYN && tcp.hasBase(id, direction)) {
            if (seq != tcp.base(id, direction)) {
                // A new connection on the same ports (packet-tcp.c: conversation_new, TCP_A_REUSED_PORTS).
                id = tcp.add(key, firstIndex + i);
                direction = 0;
                bits[i] |= BIT_REUSED_PORTS;
            } else {
                bits[i] |= BIT_SYN_SAME_ISN;
            }
        }
        if ((flags & (Tcp.SYN | Tcp.ACK)) == (Tcp.SYN | Tcp.ACK) && tcp.hasBase(id, direction)
                && seq != tcp.base(id, direction)) {
            // packet-tcp.c (issue 16944): a SYN+ACK with another ISN moves the base, same stream.
            tcp.setBase(id, direction, seq);
            bits[i] |= BIT_REUSED_PORTS;
        }
        stream[i] = id;
        if (direction == 1) {
            bits[i] |= BIT_FROM_B;
        }
        tcp.count(id, firstIndex + i);
        if ((flags & Tcp.SYN) != 0 && table.tcpHeaderLength(i) >= 20) {
            tcp.noteSyn(id, direction, (flags & Tcp.ACK) != 0);
        }
        int ack = table.acknowledgement(i);
        if (table.hasStatus(i, PacketTable.STATUS_MALFORMED)) {
            // No segment length (TcpReach.hasSegmentLength): tshark prints the raw numbers.
            relativeSequence[i] = seq;
            relativeAcknowledgement[i] = ack;
            return;
        }
        int reverse = direction ^ 1;
        if (!tcp.hasBase(id, direction)) {
            tcp.setBase(id, direction, (flags & Tcp.SYN) != 0 ? seq : seq - 1);
        }
        if ((flags & Tcp.ACK) != 0 && !tcp.hasBase(id, reverse)) {
            tcp.setBase(id, reverse, ack - 1);
        }
        relativeSequence[i] = seq - tcp.base(id, direction);
        relativeAcknowledgement[i] = (flags & Tcp.ACK) != 0 ? ack - tcp.base(id, reverse) : ack;
    }

    public int frameCount() {
        return stream.length;
    }

    /** {@code tcp.stream} of frame {@code i}, or {@link #NONE}. */
    public int tcpStream(int i) {
        return table.transport(i) == PacketTable.TRANSPORT_TCP ? stream[i] : NONE;
    }

    /** {@code udp.stream} of frame {@code i}, or {@link #NONE}. */
    public int udpStream(int i) {
        return table.transport(i) == PacketTable.TRANSPORT_UDP ? stream[i] : NONE;
    }

    /** 0 when frame {@code i} was sent by its conversation's endpoint A (the first frame's source), else 1. */
    public int direction(int i) {
        return bits[i] & BIT_FROM_B;
    }

    /** True when frame {@code i} was sent by its conversation's client. */
    public boolean fromClient(int i) {
        if (stream[i] == NONE) {
            return false;
        }
        boolean isTcp = table.transport(i) == PacketTable.TRANSPORT_TCP;
        boolean clientIsA = isTcp ? tcp.clientIsA(Conversation.Protocol.TCP, stream[i])
                : udp.clientIsA(Conversation.Protocol.UDP, stream[i]);
        return clientIsA == (direction(i) == 0);
    }

    /** A pure SYN that started a new stream on the ports of an earlier one, or a SYN+ACK with a new ISN. */
    public boolean reusedPorts(int i) {
        return (bits[i] & BIT_REUSED_PORTS) != 0;
    }

    boolean synWithSameInitialSequence(int i) {
        return (bits[i] & BIT_SYN_SAME_ISN) != 0;
    }

    /** {@code tcp.seq}: relative when the segment length is known, raw otherwise; unsigned 32 bits. */
    public int relativeSequence(int i) {
        return relativeSequence[i];
    }

    /** {@code tcp.ack}: relative when the ACK flag is set and the segment length is known, raw otherwise. */
    public int relativeAcknowledgement(int i) {
        return relativeAcknowledgement[i];
    }

    public int tcpStreamCount() {
        return tcp.size();
    }

    public int udpStreamCount() {
        return udp.size();
    }

    public Conversation tcpConversation(int stream) {
        checkStream(stream, tcp.size());
        return tcp.conversation(Conversation.Protocol.TCP, stream);
    }

    public Conversation udpConversation(int stream) {
        checkStream(stream, udp.size());
        return udp.conversation(Conversation.Protocol.UDP, stream);
    }

    /** Heap bytes held, for the memory benchmark. */
    public long retainedBytes() {
        return 4L * stream.length + bits.length + 4L * relativeSequence.length + 4L * relativeAcknowledgement.length
                + tcp.retainedBytes() + udp.retainedBytes();
    }

    private static void checkStream(int stream, int count) {
        if (stream < 0 || stream >= count) {
            throw new IndexOutOfBoundsException("stream " + stream + " outside 0.." + (count - 1));
        }
    }
}

package org.wirelab.simulator.net;

import org.wirelab.core.protocol.tcp.Tcp;

/**
 * One IP datagram in flight between simulated hosts: the header fields a TCP, UDP or ICMP endpoint
 * sets, and its payload. It becomes real frame bytes ({@link FrameEncoding}) where it is captured;
 * hosts read its fields directly, so a bulk transfer does not parse what it has just serialised.
 * A packet is never changed once sent (a duplicated packet is the same object delivered twice).
 */
public final class Packet {
    /** IP protocol numbers used here. */
    public static final int TCP = 6;
    public static final int UDP = 17;
    public static final int ICMP = 1;
    public static final int ICMPV6 = 58;

    public final boolean ipv6;
    public final byte[] source;
    public final byte[] destination;
    public final int protocol;
    /** IPv4 identification (0 for IPv6). */
    public final int identification;
    /** IPv6 flow label (Linux sets one per connection), 0 for none. */
    public int flowLabel;
    public final int sourcePort;
    public final int destinationPort;

    // TCP header (RFC 9293 section 3.1); unused for UDP.
    public long sequenceNumber;
    public long acknowledgmentNumber;
    public int flags;
    public int window;
    // TCP options present, in the order Linux writes them.
    public int maximumSegmentSize = -1;
    public int windowScale = -1;
    public boolean sackPermitted;
    public boolean timestamps;
    public long timestampValue;
    public long timestampEchoReply;
    /** SACK blocks as left/right edge pairs (RFC 2018), or null. */
    public long[] sackBlocks;

    /** The transport payload; for ICMP, the ICMP message after its 8-byte header. */
    public final byte[] payload;
    /** ICMP type and code (RFC 792 / RFC 4443). */
    public int icmpType;
    public int icmpCode;

    /** What the simulator knows about this packet, for tests and annotations: see {@link Marks}. */
    public int marks;
    /** The sequence number relative to the sender's ISN (what tshark shows), for scripted faults. */
    public long relativeSequence;
    /** True when sent by the endpoint that opened the connection (or sent the first datagram). */
    public boolean fromClient;
    /**
     * The sending TCP endpoint's congestion window and slow-start threshold when it sent the segment
     * (RFC 5681 cwnd and ssthresh, in bytes; ssthresh {@link Long#MAX_VALUE} until the first loss); -1
     * for a packet that no connection sent (UDP, ICMP, a RST to a closed port).
     */
    public long congestionWindow = -1;
    public long slowStartThreshold = -1;

    public Packet(boolean ipv6, byte[] source, byte[] destination, int protocol, int identification,
            int sourcePort, int destinationPort, byte[] payload) {
        this.ipv6 = ipv6;
        this.source = source;
        this.destination = destination;
        this.protocol = protocol;
        this.identification = identification;
        this.sourcePort = sourcePort;
        this.destinationPort = destinationPort;
        this.payload = payload;
    }

    public boolean has(int flag) {
        return (flags & flag) == flag;
    }

    /** Bytes of sequence space the segment occupies: its payload, plus one for SYN and one for FIN. */
    public int sequenceLength() {
        return payload.length + ((flags & Tcp.SYN) != 0 ? 1 : 0) + ((flags & Tcp.FIN) != 0 ? 1 : 0);
    }

    /** What the sending endpoint meant by a packet; tests compare them with tshark's analysis flags. */
    public static final class Marks {
        /** Data or FIN sent again: after a timeout, or a fast retransmit. */
        public static final int RETRANSMISSION = 1;
        public static final int FAST_RETRANSMISSION = 2;
        /** An ACK repeating the previous one because a segment arrived out of order (RFC 5681 section 4.2). */
        public static final int DUPLICATE_ACK = 4;
        /** A segment advertising a zero receive window. */
        public static final int ZERO_WINDOW = 8;
        /** A window probe sent while the peer's window is zero (RFC 9293 section 3.8.6.1). */
        public static final int ZERO_WINDOW_PROBE = 16;
        /** An ACK sent only to advertise a larger window (RFC 9293 section 3.8.6.2.2). */
        public static final int WINDOW_UPDATE = 32;
        /**
         * Lost on the way (by the link or a scripted fault): the capture saw it leave, the receiver never
         * got it. Not the sender's intent, so no tshark flag matches it: tshark cannot know.
         */
        public static final int LOST = 64;

        private Marks() {
        }
    }
}

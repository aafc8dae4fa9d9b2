package org.wirelab.core.summary;

import java.util.Arrays;

/**
 * The header values the analysis needs for every frame, in primitive columns (no object per frame),
 * filled by {@link SummaryDecoder}. Index {@code i} is the frame's number minus one.
 *
 * <p>Addresses are not copied: {@link #networkOffset} says where the IP header starts in the frame's
 * bytes, and the source and destination are read from there when needed.
 */
public final class PacketTable {
    /** Values of {@link #network(int)}. */
    public static final int NETWORK_NONE = 0;
    public static final int NETWORK_ARP = 1;
    public static final int NETWORK_IPV4 = 4;
    public static final int NETWORK_IPV6 = 6;

    /** IP protocol numbers of {@link #transport(int)}; {@link #TRANSPORT_NONE} when there is no IP. */
    public static final int TRANSPORT_NONE = -1;
    public static final int TRANSPORT_ICMP = 1;
    public static final int TRANSPORT_TCP = 6;
    public static final int TRANSPORT_UDP = 17;
    public static final int TRANSPORT_ICMPV6 = 58;

    /** Bits of {@link #status(int)}. */
    /**
     * The transport's fixed header (TCP 20, UDP 8 bytes) is not entirely captured: only the ports are
     * known (when 4 bytes are), the other TCP/UDP columns are unset, as tshark leaves them empty.
     */
    public static final int STATUS_TRANSPORT_TRUNCATED = 1;
    /**
     * An IP fragment. A later fragment has transport {@link #TRANSPORT_NONE} (ip.proto is in the IP header);
     * a first fragment has its transport header decoded but no payload length (tshark shows no tcp.len).
     */
    public static final int STATUS_IP_FRAGMENT = 2;
    /**
     * Something was bad: a header too short or inconsistent. With TCP transport it means a data offset
     * below 5 words: only the sequence number, header length and payload length are set, as tshark shows.
     */
    public static final int STATUS_MALFORMED = 4;
    public static final int STATUS_TCP_HEADER_COMPLETE = 8;   // all TCP header bytes (options too) captured

    private int size;
    private byte[] network;
    private short[] transport;
    private char[] networkOffset;
    private char[] transportOffset;
    private char[] sourcePort;
    private char[] destinationPort;
    private int[] sequence;
    private int[] acknowledgement;
    private short[] tcpFlags;
    private char[] window;
    private byte[] tcpHeaderLength;
    private int[] payloadLength;     // tcp.len (from the IP length) or the UDP payload length
    private char[] udpLength;
    private byte[] windowScale;      // a SYN's window-scale shift (capped at 14, RFC 7323), -1 when absent
    private byte[] status;

    public PacketTable(int expectedFrames) {
        int n = Math.max(16, expectedFrames);
        network = new byte[n];
        transport = new short[n];
        networkOffset = new char[n];
        transportOffset = new char[n];
        sourcePort = new char[n];
        destinationPort = new char[n];
        sequence = new int[n];
        acknowledgement = new int[n];
        tcpFlags = new short[n];
        window = new char[n];
        tcpHeaderLength = new byte[n];
        payloadLength = new int[n];
        udpLength = new char[n];
        windowScale = new byte[n];
        status = new byte[n];
    }

    /** Starts a new row with "nothing decoded" values and returns its index. */
    public int addRow() {
        if (size == network.length) {
            grow();
        }
        int i = size++;
        transport[i] = TRANSPORT_NONE;
        windowScale[i] = -1;
        return i;
    }

    public int size() {
        return size;
    }

    public int network(int i) { return network[i]; }
    public int transport(int i) { return transport[i]; }
    public int networkOffset(int i) { return networkOffset[i]; }
    public int transportOffset(int i) { return transportOffset[i]; }
    public int sourcePort(int i) { return sourcePort[i]; }
    public int destinationPort(int i) { return destinationPort[i]; }
    /** Raw 32-bit sequence number; use {@link Integer#toUnsignedLong} to print it. */
    public int sequence(int i) { return sequence[i]; }
    public int acknowledgement(int i) { return acknowledgement[i]; }
    /** The 12 flag bits of the TCP header (NS..FIN), as tshark's tcp.flags. */
    public int tcpFlags(int i) { return tcpFlags[i] & 0xfff; }
    public int window(int i) { return window[i]; }
    public int tcpHeaderLength(int i) { return tcpHeaderLength[i] & 0xff; }
    public int payloadLength(int i) { return payloadLength[i]; }
    public int udpLength(int i) { return udpLength[i]; }
    public int windowScale(int i) { return windowScale[i]; }
    public int status(int i) { return status[i]; }
    public boolean hasStatus(int i, int bit) { return (status[i] & bit) != 0; }

    public void setNetwork(int i, int kind, int offset) {
        network[i] = (byte) kind;
        networkOffset[i] = (char) offset;
    }

    public void setTransport(int i, int protocol, int offset) {
        transport[i] = (short) protocol;
        transportOffset[i] = (char) offset;
    }

    public void setPorts(int i, int source, int destination) {
        sourcePort[i] = (char) source;
        destinationPort[i] = (char) destination;
    }

    public void setTcp(int i, int seq, int ack, int flags, int windowValue, int headerLength, int windowShift) {
        sequence[i] = seq;
        acknowledgement[i] = ack;
        tcpFlags[i] = (short) flags;
        window[i] = (char) windowValue;
        tcpHeaderLength[i] = (byte) headerLength;
        windowScale[i] = (byte) windowShift;
    }

    public void setPayloadLength(int i, int length) {
        payloadLength[i] = length;
    }

    public void setUdpLength(int i, int length) {
        udpLength[i] = (char) length;
    }

    public void addStatus(int i, int bit) {
        status[i] |= (byte) bit;
    }

    /** Heap bytes held, for the memory benchmark. */
    public long retainedBytes() {
        long n = network.length;
        return n * (1 + 2 + 2 + 2 + 2 + 2 + 4 + 4 + 2 + 2 + 1 + 4 + 2 + 1 + 1);
    }

    private void grow() {
        int n = network.length + (network.length >> 1);
        network = Arrays.copyOf(network, n);
        transport = Arrays.copyOf(transport, n);
        networkOffset = Arrays.copyOf(networkOffset, n);
        transportOffset = Arrays.copyOf(transportOffset, n);
        sourcePort = Arrays.copyOf(sourcePort, n);
        destinationPort = Arrays.copyOf(destinationPort, n);
        sequence = Arrays.copyOf(sequence, n);
        acknowledgement = Arrays.copyOf(acknowledgement, n);
        tcpFlags = Arrays.copyOf(tcpFlags, n);
        window = Arrays.copyOf(window, n);
        tcpHeaderLength = Arrays.copyOf(tcpHeaderLength, n);
        payloadLength = Arrays.copyOf(payloadLength, n);
        udpLength = Arrays.copyOf(udpLength, n);
        windowScale = Arrays.copyOf(windowScale, n);
        status = Arrays.copyOf(status, n);
    }
}

package org.wirelab.core.encode;

/** The transport header of a frame to encode, each protocol's own: {@code protocol.tcp.TcpHeader}, {@code protocol.udp.UdpHeader}. */
public interface TransportHeader {

    /** The IP protocol number: 6 or 17. */
    int protocol();

    /** Encoded size in bytes, TCP options and their padding included. */
    int headerLength();

    /**
     * Writes the header at {@code offset}, the payload already being in place after it. Fields marked
     * {@link Computed#VALUE} are computed; the checksum covers {@code pseudoHeaderSum} (before folding),
     * the header and {@code payloadLength} payload bytes.
     */
    void write(byte[] out, int offset, int payloadLength, long pseudoHeaderSum);
}

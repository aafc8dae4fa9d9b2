package org.wirelab.core.encode;

/** The IP header of a frame to encode, each in its protocol's place: {@code protocol.ipv4.Ipv4Header}, {@code protocol.ipv6.Ipv6Header}. */
public interface NetworkHeader {

    /** The EtherType announcing this header: 0x0800 or 0x86dd. */
    int etherType();

    /** Encoded size in bytes, IPv4 options and IPv6 extension headers included. */
    int headerLength();

    /** The protocol field as given: IPv4's protocol, IPv6's next header, or {@link Computed#VALUE}. */
    int protocol();

    /**
     * Writes the header at {@code offset}, computing what is marked {@link Computed#VALUE}:
     * {@code upperLength} is the byte count after this header (transport header and payload),
     * {@code transportProtocol} the IP protocol number of what follows.
     */
    void write(byte[] out, int offset, int upperLength, int transportProtocol);

    /**
     * The one's complement sum of the pseudo-header the TCP and UDP checksums cover (RFC 9293 section
     * 3.1, RFC 8200 section 8.1), before folding.
     */
    long pseudoHeaderSum(int transportProtocol, int transportLength);
}

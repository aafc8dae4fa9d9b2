package org.wirelab.core.encode;

/**
 * The link-layer header of a frame to encode, one record per link type wirelab reads, each in its protocol's
 * place ({@code protocol.ethernet.EthernetHeader}, {@code protocol.sll.LinuxSllHeader} and
 * {@code LinuxSll2Header}, {@code protocol.loopback.NullHeader} and {@code NoLinkHeader}). A protocol or
 * family field set to {@link Computed#VALUE} is filled from the network header that follows.
 */
public interface LinkHeader {

    /** The LINKTYPE_ value of frames starting with this header ({@link org.wirelab.core.frame.LinkType}). */
    int linkType();

    /** Encoded size in bytes. */
    int headerLength();

    /**
     * Writes the header at {@code offset}; {@code etherType} is the EtherType of the network header
     * that follows (0x0800, 0x86dd) for computed fields, or {@link Computed#VALUE} when there is none.
     */
    void write(byte[] out, int offset, int etherType);

    /** The EtherType written in the header's protocol field, or {@link Computed#VALUE} when computed. */
    int protocol();

    static int resolve(int field, int computed, String what) {
        if (field != Computed.VALUE) {
            return field;
        }
        if (computed == Computed.VALUE) {
            throw new IllegalArgumentException(what + " is to be computed but the frame has no network header");
        }
        return computed;
    }
}

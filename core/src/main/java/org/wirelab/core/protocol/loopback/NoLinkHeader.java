package org.wirelab.core.protocol.loopback;

import org.wirelab.core.encode.Bytes;
import org.wirelab.core.encode.Computed;
import org.wirelab.core.encode.LinkHeader;
import org.wirelab.core.frame.LinkType;

/** Raw IP link types (LINKTYPE_RAW, LINKTYPE_IPV4, LINKTYPE_IPV6): the frame starts with the IP header. */
public record NoLinkHeader(int linkType) implements LinkHeader {

    public NoLinkHeader {
        if (linkType != LinkType.RAW && linkType != LinkType.IPV4 && linkType != LinkType.IPV6) {
            throw new IllegalArgumentException("link type " + linkType + " has a link header");
        }
    }

    @Override
    public int headerLength() {
        return 0;
    }

    @Override
    public int protocol() {
        return Computed.VALUE;
    }

    @Override
    public void write(byte[] out, int offset, int etherType) {
        // Nothing to write: the IP header's version nibble tells IPv4 from IPv6.
    }
}

package org.wirelab.core.protocol.loopback;

import org.wirelab.core.encode.Bytes;
import org.wirelab.core.encode.Computed;
import org.wirelab.core.encode.LinkHeader;
import org.wirelab.core.frame.LinkType;
import org.wirelab.core.header.EtherType;

/**
 * The 4-byte address family of BSD loopback captures: LINKTYPE_NULL in the capturing host's byte
 * order ({@code bigEndian} says which), or LINKTYPE_LOOP, always big-endian. A computed family is
 * 2 (AF_INET) for IPv4 and 24 (the BSD AF_INET6 Wireshark also accepts as 28 and 30) for IPv6.
 */
public record NullHeader(int linkType, long family, boolean bigEndian) implements LinkHeader {

    public NullHeader {
        if (linkType != LinkType.NULL && linkType != LinkType.LOOP) {
            throw new IllegalArgumentException("a BSD loopback header has link type 0 or 108, not " + linkType);
        }
        Bytes.checkRangeOrComputed("address family", family, 0xffffffffL);
    }

    @Override
    public int headerLength() {
        return 4;
    }

    @Override
    public int protocol() {
        int etherType = family == Computed.VALUE ? -1 : BsdLoopback.etherType((int) family);
        return etherType < 0 ? Computed.VALUE : etherType;
    }

    @Override
    public void write(byte[] out, int offset, int etherType) {
        long value = family;
        if (family == Computed.VALUE) {
            int resolved = LinkHeader.resolve(Computed.VALUE, etherType, "address family");
            value = resolved == EtherType.IPV6 ? BsdLoopback.AF_INET6_BSD : BsdLoopback.AF_INET;
        }
        if (bigEndian) {
            Bytes.put32(out, offset, value);
        } else {
            Bytes.put32(out, offset, Integer.reverseBytes((int) value) & 0xffffffffL);
        }
    }
}

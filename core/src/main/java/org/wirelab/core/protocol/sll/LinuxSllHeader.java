package org.wirelab.core.protocol.sll;

import java.util.Arrays;
import org.wirelab.core.encode.Bytes;
import org.wirelab.core.encode.Computed;
import org.wirelab.core.encode.LinkHeader;
import org.wirelab.core.frame.LinkType;

/**
 * The 16-byte Linux cooked capture header (LINKTYPE_LINUX_SLL): packet type, ARPHRD_ type, link-layer
 * address length, an 8-byte address slot (kept whole, even past the length) and the protocol.
 */
public record LinuxSllHeader(int packetType, int arphrdType, int addressLength, byte[] address, int protocol)
        implements LinkHeader {

    public LinuxSllHeader {
        address = Bytes.copy(address, 8, "SLL address slot");
        Bytes.checkRange("SLL packet type", packetType, 0xffff);
        Bytes.checkRange("SLL ARPHRD type", arphrdType, 0xffff);
        Bytes.checkRange("SLL address length", addressLength, 0xffff);
        Bytes.checkRangeOrComputed("SLL protocol", protocol, 0xffff);
    }

    @Override
    public byte[] address() {
        return address.clone();
    }

    @Override
    public int linkType() {
        return LinkType.LINUX_SLL;
    }

    @Override
    public int headerLength() {
        return 16;
    }

    @Override
    public void write(byte[] out, int offset, int etherType) {
        Bytes.put16(out, offset, packetType);
        Bytes.put16(out, offset + 2, arphrdType);
        Bytes.put16(out, offset + 4, addressLength);
        System.arraycopy(address, 0, out, offset + 6, 8);
        Bytes.put16(out, offset + 14, LinkHeader.resolve(protocol, etherType, "SLL protocol"));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LinuxSllHeader h && packetType == h.packetType && arphrdType == h.arphrdType
                && addressLength == h.addressLength && Arrays.equals(address, h.address) && protocol == h.protocol;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(address) + protocol;
    }
}

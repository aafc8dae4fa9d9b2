package org.wirelab.core.protocol.sll;

import java.util.Arrays;
import org.wirelab.core.encode.Bytes;
import org.wirelab.core.encode.Computed;
import org.wirelab.core.encode.LinkHeader;
import org.wirelab.core.frame.LinkType;

/**
 * The 20-byte Linux cooked capture v2 header (LINKTYPE_LINUX_SLL2): protocol, reserved word, interface
 * index, ARPHRD_ type, packet type, address length and an 8-byte address slot kept whole.
 */
public record LinuxSll2Header(int protocol, int reserved, long interfaceIndex, int arphrdType, int packetType,
        int addressLength, byte[] address) implements LinkHeader {

    public LinuxSll2Header {
        address = Bytes.copy(address, 8, "SLL2 address slot");
        Bytes.checkRangeOrComputed("SLL2 protocol", protocol, 0xffff);
        Bytes.checkRange("SLL2 reserved", reserved, 0xffff);
        Bytes.checkRange("SLL2 interface index", interfaceIndex, 0xffffffffL);
        Bytes.checkRange("SLL2 ARPHRD type", arphrdType, 0xffff);
        Bytes.checkRange("SLL2 packet type", packetType, 0xff);
        Bytes.checkRange("SLL2 address length", addressLength, 0xff);
    }

    @Override
    public byte[] address() {
        return address.clone();
    }

    @Override
    public int linkType() {
        return LinkType.LINUX_SLL2;
    }

    @Override
    public int headerLength() {
        return 20;
    }

    @Override
    public void write(byte[] out, int offset, int etherType) {
        Bytes.put16(out, offset, LinkHeader.resolve(protocol, etherType, "SLL2 protocol"));
        Bytes.put16(out, offset + 2, reserved);
        Bytes.put32(out, offset + 4, interfaceIndex);
        Bytes.put16(out, offset + 8, arphrdType);
        out[offset + 10] = (byte) packetType;
        out[offset + 11] = (byte) addressLength;
        System.arraycopy(address, 0, out, offset + 12, 8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LinuxSll2Header h && protocol == h.protocol && reserved == h.reserved
                && interfaceIndex == h.interfaceIndex && arphrdType == h.arphrdType && packetType == h.packetType
                && addressLength == h.addressLength && Arrays.equals(address, h.address);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(address) + protocol;
    }
}

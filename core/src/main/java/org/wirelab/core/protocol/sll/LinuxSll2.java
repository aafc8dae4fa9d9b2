package org.wirelab.core.protocol.sll;

import org.wirelab.core.header.Bytes;

/** Linux "cooked" capture header v2 (LINKTYPE_LINUX_SLL2, 20 bytes): the protocol comes first. */
public final class LinuxSll2 {
    public static final int HEADER_LENGTH = 20;
    public static final int PROTOCOL = 0;
    public static final int RESERVED = 2;
    public static final int INTERFACE_INDEX = 4;
    public static final int ARPHRD_TYPE = 8;
    public static final int PACKET_TYPE = 10;
    public static final int ADDRESS_LENGTH = 11;
    public static final int ADDRESS = 12;
    public static final int ADDRESS_FIELD_LENGTH = 8;

    private LinuxSll2() {
    }

    public static int protocol(byte[] b, int offset) {
        return Bytes.u16(b, offset + PROTOCOL);
    }
}

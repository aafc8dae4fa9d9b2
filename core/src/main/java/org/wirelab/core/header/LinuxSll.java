package org.wirelab.core.header;

/** Linux "cooked" capture header v1 (LINKTYPE_LINUX_SLL, 16 bytes), as libpcap writes it. */
public final class LinuxSll {
    public static final int HEADER_LENGTH = 16;
    public static final int PACKET_TYPE = 0;
    public static final int ARPHRD_TYPE = 2;
    public static final int ADDRESS_LENGTH = 4;
    public static final int ADDRESS = 6;
    public static final int ADDRESS_FIELD_LENGTH = 8;
    public static final int PROTOCOL = 14;

    private LinuxSll() {
    }

    public static int protocol(byte[] b, int offset) {
        return Bytes.u16(b, offset + PROTOCOL);
    }

    /** The sll_pkttype names Wireshark uses. */
    public static String packetTypeName(int type) {
        return switch (type) {
            case 0 -> "Unicast to us";
            case 1 -> "Broadcast";
            case 2 -> "Multicast";
            case 3 -> "Unicast to another host";
            case 4 -> "Sent by us";
            default -> "Unknown";
        };
    }
}

package org.wirelab.core.header;

/** ARP packet layout (RFC 826); addresses follow the fixed 8 bytes with the lengths it declares. */
public final class Arp {
    public static final int FIXED_LENGTH = 8;
    public static final int HARDWARE_TYPE = 0;
    public static final int PROTOCOL_TYPE = 2;
    public static final int HARDWARE_SIZE = 4;
    public static final int PROTOCOL_SIZE = 5;
    public static final int OPCODE = 6;
    public static final int SENDER_HARDWARE = 8;

    private Arp() {
    }

    public static int hardwareSize(byte[] b, int offset) {
        return Bytes.u8(b, offset + HARDWARE_SIZE);
    }

    public static int protocolSize(byte[] b, int offset) {
        return Bytes.u8(b, offset + PROTOCOL_SIZE);
    }

    public static int opcode(byte[] b, int offset) {
        return Bytes.u16(b, offset + OPCODE);
    }

    /** The whole packet's length: 8 fixed bytes and two pairs of addresses. */
    public static int length(byte[] b, int offset) {
        return FIXED_LENGTH + 2 * (hardwareSize(b, offset) + protocolSize(b, offset));
    }

    public static String opcodeName(int opcode) {
        return switch (opcode) {
            case 1 -> "request";
            case 2 -> "reply";
            case 3 -> "reverse request";
            case 4 -> "reverse reply";
            default -> "unknown";
        };
    }
}

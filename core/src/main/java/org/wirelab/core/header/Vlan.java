package org.wirelab.core.header;

/**
 * An IEEE 802.1Q tag as it follows the tag's TPID: the 2-byte TCI (priority, drop eligible, VLAN id)
 * then the encapsulated EtherType. Wireshark shows these 4 bytes as the "802.1Q Virtual LAN" layer.
 */
public final class Vlan {
    public static final int TAG_LENGTH = 4;
    public static final int TCI = 0;
    public static final int TYPE = 2;

    private Vlan() {
    }

    public static int priority(byte[] b, int offset) {
        return Bytes.u8(b, offset) >>> 5;
    }

    public static int dropEligible(byte[] b, int offset) {
        return (Bytes.u8(b, offset) >>> 4) & 1;
    }

    public static int id(byte[] b, int offset) {
        return Bytes.u16(b, offset) & 0x0fff;
    }

    public static int etherType(byte[] b, int offset) {
        return Bytes.u16(b, offset + TYPE);
    }
}

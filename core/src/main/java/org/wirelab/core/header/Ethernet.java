package org.wirelab.core.header;

/** Ethernet II header layout: destination MAC, source MAC, EtherType. */
public final class Ethernet {
    public static final int HEADER_LENGTH = 14;
    public static final int DESTINATION = 0;
    public static final int SOURCE = 6;
    public static final int TYPE = 12;
    public static final int MAC_LENGTH = 6;

    private Ethernet() {
    }

    public static int etherType(byte[] b, int offset) {
        return Bytes.u16(b, offset + TYPE);
    }
}

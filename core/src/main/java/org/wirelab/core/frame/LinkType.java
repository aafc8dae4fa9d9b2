package org.wirelab.core.frame;

/**
 * The link-layer header types wirelab decodes, with their LINKTYPE_ numbers from tcpdump.org's list.
 * Files may carry other values: they are kept as plain ints and shown as an unsupported link type.
 */
public final class LinkType {
    /** BSD loopback: a 4-byte address family in the capturing host's byte order. */
    public static final int NULL = 0;
    public static final int ETHERNET = 1;
    /** Raw IPv4 or IPv6, the version read from the first nibble. */
    public static final int RAW = 101;
    /** OpenBSD loopback: like NULL but the address family is big-endian. */
    public static final int LOOP = 108;
    public static final int LINUX_SLL = 113;
    public static final int IPV4 = 228;
    public static final int IPV6 = 229;
    public static final int LINUX_SLL2 = 276;

    private LinkType() {
    }

    /** A short human name, as capinfos shows it, or "link type N" for one wirelab does not know. */
    public static String name(int linkType) {
        return switch (linkType) {
            case NULL -> "BSD loopback";
            case ETHERNET -> "Ethernet";
            case RAW -> "Raw IP";
            case LOOP -> "OpenBSD loopback";
            case LINUX_SLL -> "Linux cooked-mode capture v1";
            case IPV4 -> "Raw IPv4";
            case IPV6 -> "Raw IPv6";
            case LINUX_SLL2 -> "Linux cooked-mode capture v2";
            default -> "link type " + linkType;
        };
    }
}

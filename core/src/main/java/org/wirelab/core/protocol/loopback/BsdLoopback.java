package org.wirelab.core.protocol.loopback;

import org.wirelab.core.decode.ProtocolField;
import java.util.List;
import org.wirelab.core.decode.HeaderField;
import org.wirelab.core.frame.LinkType;
import org.wirelab.core.header.Bytes;
import org.wirelab.core.header.EtherType;

/**
 * BSD loopback's one place: the 4-byte address-family header of BSD loopback captures, and its one field,
 * declared once as packet-null.c declares it (null.family, for LINKTYPE_LOOP too); {@link BsdLoopbackDecoder}
 * adds it, and the raw IP link types, which have no header, are decoded beside it ({@link RawIpDecoder}). LINKTYPE_NULL stores the family in the
 * capturing host's byte order, which the file does not record; LINKTYPE_LOOP stores it big-endian.
 */
public final class BsdLoopback {
    public static final ProtocolField NULL_PROTOCOL_FIELD = ProtocolField.printedByName("null", "NULL");
    public static final ProtocolField LOOP_PROTOCOL_FIELD = ProtocolField.printedByName("loop", "LOOP");
    /** Raw IP of no known version, decoded beside the loopback headers ({@link RawIpDecoder}). */
    public static final ProtocolField RAW_PROTOCOL_FIELD = ProtocolField.printedByName("raw", "Raw");
    public static final int HEADER_LENGTH = 4;
    public static final int AF_INET = 2;
    /** AF_INET6 differs per BSD: NetBSD/OpenBSD 24, FreeBSD 28, Darwin 30 (Wireshark accepts all three). */
    public static final int AF_INET6_BSD = 24;
    public static final int AF_INET6_FREEBSD = 28;
    public static final int AF_INET6_DARWIN = 30;

    public static final HeaderField FAMILY = HeaderField.unsigned("null.family");

    /** Every named field, for the registry of names (-e, display filters). */
    public static final List<HeaderField> FIELDS = List.of(FAMILY);

    private BsdLoopback() {
    }

    /**
     * The address family. For NULL the byte order is detected as Wireshark does: families are small
     * numbers, so a value with any of its upper 16 bits set was written little-endian.
     */
    public static int family(byte[] b, int offset, int linkType) {
        int value = Bytes.u32(b, offset);
        if (linkType == LinkType.NULL && (value & 0xffff0000) != 0) {
            return Integer.reverseBytes(value);
        }
        return value;
    }

    /** Whether the NULL header at {@code offset} was written little-endian (for display). */
    public static boolean littleEndian(byte[] b, int offset, int linkType) {
        return linkType == LinkType.NULL && (Bytes.u32(b, offset) & 0xffff0000) != 0;
    }

    /** The EtherType equivalent of an address family, or -1 for a family wirelab does not decode. */
    public static int etherType(int family) {
        return switch (family) {
            case AF_INET -> EtherType.IPV4;
            case AF_INET6_BSD, AF_INET6_FREEBSD, AF_INET6_DARWIN -> EtherType.IPV6;
            default -> -1;
        };
    }
}

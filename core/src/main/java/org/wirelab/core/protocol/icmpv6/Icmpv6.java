package org.wirelab.core.protocol.icmpv6;

import org.wirelab.core.decode.ProtocolField;
import java.util.List;
import org.wirelab.core.decode.FieldType;
import org.wirelab.core.decode.HeaderField;

/**
 * ICMPv6's one place: its message types (RFC 4443, RFC 4861; the header's first 8 bytes are laid out as
 * ICMP's, {@code protocol.icmp.Icmp}) and every field Wireshark names for ICMPv6, declared once as
 * packet-icmpv6.c declares them; {@link Icmpv6Decoder} adds them. Their labels and the names of the types
 * ({@code icmpv6.type[1]}) are in the {@code FieldLabels} bundles.
 */
public final class Icmpv6 {
    public static final ProtocolField PROTOCOL_FIELD = ProtocolField.printedByName("icmpv6", "ICMPv6");
    public static final int DESTINATION_UNREACHABLE = 1;
    public static final int PACKET_TOO_BIG = 2;
    public static final int TIME_EXCEEDED = 3;
    public static final int PARAMETER_PROBLEM = 4;
    public static final int ECHO_REQUEST = 128;
    public static final int ECHO_REPLY = 129;
    public static final int NEIGHBOR_SOLICITATION = 135;
    public static final int NEIGHBOR_ADVERTISEMENT = 136;
    /** A neighbor solicitation or advertisement: the 8-byte header, then the 16-byte target address. */
    public static final int NEIGHBOR_MESSAGE_LENGTH = 24;

    public static final HeaderField TYPE = HeaderField.unsigned("icmpv6.type");
    public static final HeaderField CODE = HeaderField.unsigned("icmpv6.code");
    public static final HeaderField CHECKSUM = HeaderField.hex("icmpv6.checksum");
    public static final HeaderField CHECKSUM_STATUS = HeaderField.unsigned("icmpv6.checksum.status");
    public static final HeaderField ECHO_IDENTIFIER = HeaderField.hex("icmpv6.echo.identifier");
    public static final HeaderField ECHO_SEQUENCE_NUMBER = HeaderField.unsigned("icmpv6.echo.sequence_number");
    public static final HeaderField MTU = HeaderField.unsigned("icmpv6.mtu");
    public static final HeaderField POINTER = HeaderField.unsigned("icmpv6.pointer");
    public static final HeaderField RESERVED = HeaderField.of("icmpv6.reserved", FieldType.BYTES);
    public static final HeaderField ND_NS_TARGET_ADDRESS = HeaderField.of("icmpv6.nd.ns.target_address",
            FieldType.IPV6);
    public static final HeaderField ND_NA_TARGET_ADDRESS = HeaderField.of("icmpv6.nd.na.target_address",
            FieldType.IPV6);
    /** The 4 bytes before a neighbor message's target, which Wireshark names bit by bit. */
    public static final HeaderField ND_NS_RESERVED = HeaderField.unnamed("icmpv6.nd.ns.reserved");
    public static final HeaderField ND_NA_FLAGS = HeaderField.unnamed("icmpv6.nd.na.flags");

    /** Every named ICMPv6 field, for the registry of names (-e, display filters). */
    public static final List<HeaderField> FIELDS = List.of(TYPE, CODE, CHECKSUM, CHECKSUM_STATUS, ECHO_IDENTIFIER,
            ECHO_SEQUENCE_NUMBER, MTU, POINTER, RESERVED, ND_NS_TARGET_ADDRESS, ND_NA_TARGET_ADDRESS);

    private Icmpv6() {
    }

    /** ICMPv6 error messages are types 0-127 (RFC 4443 section 2.1); the four defined ones quote a packet. */
    public static boolean isError(int type) {
        return type >= DESTINATION_UNREACHABLE && type <= PARAMETER_PROBLEM;
    }

    public static boolean isEcho(int type) {
        return type == ECHO_REQUEST || type == ECHO_REPLY;
    }
}

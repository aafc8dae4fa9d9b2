package org.wirelab.core.protocol.icmp;

import org.wirelab.core.decode.ProtocolField;
import java.util.List;
import org.wirelab.core.decode.FieldType;
import org.wirelab.core.decode.HeaderField;
import org.wirelab.core.header.Bytes;

/**
 * ICMP's one place: the header layout (RFC 792; ICMPv6, RFC 4443, shares its first 8 bytes: type, code,
 * checksum, then an echo's identifier and sequence number), ICMP's message types, and every field Wireshark
 * names for ICMP, declared once as packet-icmp.c declares them; {@link IcmpDecoder} adds them. Their labels
 * and the names of types and codes ({@code icmp.type[3]}, {@code icmp.code.3[3]}) are in the
 * {@code FieldLabels} bundles.
 */
public final class Icmp {
    public static final ProtocolField PROTOCOL_FIELD = ProtocolField.printedByName("icmp", "ICMP");
    public static final int HEADER_LENGTH = 8;
    public static final int TYPE = 0;
    public static final int CODE = 1;
    public static final int CHECKSUM = 2;
    public static final int IDENTIFIER = 4;
    public static final int SEQUENCE = 6;

    public static final int ECHO_REPLY = 0;
    public static final int DESTINATION_UNREACHABLE = 3;
    public static final int SOURCE_QUENCH = 4;
    public static final int REDIRECT = 5;
    public static final int ECHO_REQUEST = 8;
    public static final int TIME_EXCEEDED = 11;
    public static final int PARAMETER_PROBLEM = 12;


    public static final HeaderField TYPE_FIELD = HeaderField.unsigned("icmp.type");
    public static final HeaderField CODE_FIELD = HeaderField.unsigned("icmp.code");
    public static final HeaderField CHECKSUM_FIELD = HeaderField.hex("icmp.checksum");
    public static final HeaderField CHECKSUM_STATUS = HeaderField.unsigned("icmp.checksum.status");
    public static final HeaderField IDENT = HeaderField.unsigned("icmp.ident");
    public static final HeaderField IDENT_LE = HeaderField.unsigned("icmp.ident_le");
    public static final HeaderField SEQ = HeaderField.unsigned("icmp.seq");
    public static final HeaderField SEQ_LE = HeaderField.unsigned("icmp.seq_le");
    /** The second 4 bytes of the header when they are neither an echo's nor named by Wireshark. */
    public static final HeaderField GATEWAY = HeaderField.unnamed("icmp.gateway");
    /** The four bytes an unreachable, source quench or time exceeded message leaves unused (RFC 792). */
    public static final HeaderField UNUSED = HeaderField.of("icmp.unused", FieldType.BYTES);
    public static final HeaderField REST_OF_HEADER = HeaderField.unnamed("icmp.rest_of_header");

    /** An echo reply's request, and the time between them in milliseconds ({@link IcmpEchoes}). */
    public static final HeaderField RESP_TO = HeaderField.unsigned("icmp.resp_to");
    public static final HeaderField RESPTIME = HeaderField.of("icmp.resptime", FieldType.TIME);

    /** Every named ICMP field, for the registry of names (-e, display filters). */
    public static final List<HeaderField> FIELDS = List.of(TYPE_FIELD, CODE_FIELD, CHECKSUM_FIELD, CHECKSUM_STATUS,
            IDENT, IDENT_LE, SEQ, SEQ_LE, UNUSED, RESP_TO, RESPTIME);

    private Icmp() {
    }

    public static int type(byte[] b, int offset) {
        return Bytes.u8(b, offset + TYPE);
    }

    public static int code(byte[] b, int offset) {
        return Bytes.u8(b, offset + CODE);
    }

    public static int checksum(byte[] b, int offset) {
        return Bytes.u16(b, offset + CHECKSUM);
    }

    public static int identifier(byte[] b, int offset) {
        return Bytes.u16(b, offset + IDENTIFIER);
    }

    public static int sequence(byte[] b, int offset) {
        return Bytes.u16(b, offset + SEQUENCE);
    }

    /** ICMPv4 errors quote the offending datagram's IP header after the 8-byte header (RFC 792). */
    public static boolean isError(int type) {
        return type == DESTINATION_UNREACHABLE || type == SOURCE_QUENCH || type == REDIRECT
                || type == TIME_EXCEEDED || type == PARAMETER_PROBLEM;
    }


    /**
     * Whether the second word of the header is unused: in an unreachable message other than "fragmentation
     * needed" (which carries the next hop's MTU, RFC 1191), a source quench and a time exceeded.
     */
    public static boolean hasUnusedWord(int type, int code) {
        return type == DESTINATION_UNREACHABLE && code != 4 || type == SOURCE_QUENCH || type == TIME_EXCEEDED;
    }

    public static boolean isEcho(int type) {
        return type == ECHO_REQUEST || type == ECHO_REPLY;
    }

}

package org.wirelab.core.protocol.arp;

import org.wirelab.core.decode.ProtocolField;
import java.util.List;
import org.wirelab.core.decode.FieldLabels;
import org.wirelab.core.decode.FieldType;
import org.wirelab.core.decode.HeaderField;
import org.wirelab.core.decode.Wording;
import org.wirelab.core.header.Bytes;

/**
 * ARP's one place: the packet layout (RFC 826; addresses follow the fixed 8 bytes with the lengths it
 * declares) and every field Wireshark names for it, declared once as packet-arp.c declares them;
 * {@link ArpDecoder} adds them. Their labels and the opcodes' names ({@code arp.opcode[1]}) are in the
 * {@code FieldLabels} bundles.
 */
public final class Arp {
    public static final ProtocolField PROTOCOL_FIELD = ProtocolField.titled("arp", "ARP");
    public static final int FIXED_LENGTH = 8;
    public static final int HARDWARE_TYPE = 0;
    public static final int PROTOCOL_TYPE = 2;
    public static final int HARDWARE_SIZE = 4;
    public static final int PROTOCOL_SIZE = 5;
    public static final int OPCODE = 6;
    public static final int SENDER_HARDWARE = 8;

    public static final HeaderField HW_TYPE = HeaderField.unsigned("arp.hw.type");
    public static final HeaderField PROTO_TYPE = HeaderField.hex("arp.proto.type");
    public static final HeaderField HW_SIZE = HeaderField.unsigned("arp.hw.size");
    public static final HeaderField PROTO_SIZE = HeaderField.unsigned("arp.proto.size");
    public static final HeaderField OPCODE_FIELD = HeaderField.unsigned("arp.opcode");
    /** The addresses: as Ethernet and IPv4 addresses when they have those sizes, as bytes otherwise. */
    public static final HeaderField SRC_HW_MAC = HeaderField.of("arp.src.hw_mac", FieldType.ETHERNET);
    public static final HeaderField SRC_PROTO_IPV4 = HeaderField.of("arp.src.proto_ipv4", FieldType.IPV4);
    public static final HeaderField DST_HW_MAC = HeaderField.of("arp.dst.hw_mac", FieldType.ETHERNET);
    public static final HeaderField DST_PROTO_IPV4 = HeaderField.of("arp.dst.proto_ipv4", FieldType.IPV4);
    public static final HeaderField SRC_HW = HeaderField.of("arp.src.hw", FieldType.BYTES);
    public static final HeaderField SRC_PROTO = HeaderField.of("arp.src.proto", FieldType.BYTES);
    public static final HeaderField DST_HW = HeaderField.of("arp.dst.hw", FieldType.BYTES);
    public static final HeaderField DST_PROTO = HeaderField.of("arp.dst.proto", FieldType.BYTES);

    /** Every named ARP field, for the registry of names (-e, display filters). */
    public static final List<HeaderField> FIELDS = List.of(HW_TYPE, PROTO_TYPE, HW_SIZE, PROTO_SIZE, OPCODE_FIELD,
            SRC_HW_MAC, SRC_PROTO_IPV4, DST_HW_MAC, DST_PROTO_IPV4, SRC_HW, SRC_PROTO, DST_HW, DST_PROTO);

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

    /** The opcode's name in the bundles, Wireshark's words ("request", "reply"). */
    public static Wording.Word opcodeWord(int opcode) {
        return Wording.Word.valueOf("arp.opcode", Integer.toString(opcode));
    }

    /** The opcode's English name, for the Info column and the ladder. */
    public static String opcodeName(int opcode) {
        return FieldLabels.english().text(opcodeWord(opcode).key(), List.of());
    }
}

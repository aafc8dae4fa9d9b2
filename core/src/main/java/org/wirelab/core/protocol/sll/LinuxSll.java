package org.wirelab.core.protocol.sll;

import org.wirelab.core.decode.ProtocolField;
import java.util.List;
import org.wirelab.core.decode.FieldType;
import org.wirelab.core.decode.HeaderField;
import org.wirelab.core.header.Bytes;

/**
 * Linux cooked capture's one place: the v1 header layout (LINKTYPE_LINUX_SLL, 16 bytes, as libpcap writes
 * it; v2's is {@link LinuxSll2}) and the fields Wireshark names for both versions, declared once as
 * packet-sll.c declares them; {@link LinuxSllDecoder} adds them. Their labels, and the names of the packet
 * types ({@code sll.pkttype[4]}), are in the {@code FieldLabels} bundles.
 */
public final class LinuxSll {
    public static final ProtocolField PROTOCOL_FIELD = ProtocolField.etherTypeLink("sll", "SLL");
    /** Version 2: the same filter name, its own layer. */
    public static final ProtocolField PROTOCOL_FIELD_V2 = ProtocolField.etherTypeLink("sll", "SLL2");
    public static final int HEADER_LENGTH = 16;
    public static final int PACKET_TYPE = 0;
    public static final int ARPHRD_TYPE = 2;
    public static final int ADDRESS_LENGTH = 4;
    public static final int ADDRESS = 6;
    public static final int ADDRESS_FIELD_LENGTH = 8;
    public static final int PROTOCOL = 14;

    public static final HeaderField PKTTYPE = HeaderField.unsigned("sll.pkttype");
    public static final HeaderField HATYPE = HeaderField.unsigned("sll.hatype");
    public static final HeaderField HALEN = HeaderField.unsigned("sll.halen");
    public static final HeaderField SRC_ETH = HeaderField.of("sll.src.eth", FieldType.ETHERNET);
    public static final HeaderField SRC_OTHER = HeaderField.of("sll.src.other", FieldType.BYTES);
    public static final HeaderField ETYPE = HeaderField.hex("sll.etype");
    /** The address field's bytes beyond the address's length. */
    public static final HeaderField UNUSED = HeaderField.of("sll.unused", FieldType.BYTES);
    /** v2 only. */
    public static final HeaderField IFINDEX = HeaderField.unsigned("sll.ifindex");

    /** Every named field of both versions, for the registry of names (-e, display filters). */
    public static final List<HeaderField> FIELDS = List.of(PKTTYPE, HATYPE, HALEN, SRC_ETH, SRC_OTHER, ETYPE, UNUSED,
            IFINDEX);

    private LinuxSll() {
    }

    public static int protocol(byte[] b, int offset) {
        return Bytes.u16(b, offset + PROTOCOL);
    }
}

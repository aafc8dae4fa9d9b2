package org.wirelab.core.protocol.ethernet;

import java.util.List;
import org.wirelab.core.decode.FieldType;
import org.wirelab.core.decode.HeaderField;
import org.wirelab.core.decode.Wording;
import org.wirelab.core.header.Bytes;

/**
 * Ethernet's one place: the Ethernet II header layout (destination MAC, source MAC, EtherType) and every
 * field Wireshark names for it, declared once as packet-eth.c declares them; {@link EthernetDecoder} adds
 * them. Their labels are in the {@code FieldLabels} bundles under the same names, and so are the names of
 * the EtherTypes ({@code etype[0x0800]}), which the other link headers that carry an EtherType share.
 */
public final class Ethernet {
    public static final int HEADER_LENGTH = 14;
    public static final int DESTINATION = 0;
    public static final int SOURCE = 6;
    public static final int TYPE = 12;
    public static final int MAC_LENGTH = 6;

    public static final HeaderField DST = HeaderField.of("eth.dst", FieldType.ETHERNET);
    public static final HeaderField SRC = HeaderField.of("eth.src", FieldType.ETHERNET);
    /** Hidden: each of eth.dst and eth.src. */
    public static final HeaderField ADDR = HeaderField.of("eth.addr", FieldType.ETHERNET);
    public static final HeaderField TYPE_FIELD = HeaderField.hex("eth.type");
    public static final HeaderField LEN = HeaderField.unsigned("eth.len");

    /** Every named Ethernet field, for the registry of names (-e, display filters). */
    public static final List<HeaderField> FIELDS = List.of(DST, SRC, ADDR, TYPE_FIELD, LEN);

    private Ethernet() {
    }

    public static int etherType(byte[] b, int offset) {
        return Bytes.u16(b, offset + TYPE);
    }

    /** The name of an EtherType in the FieldLabels bundles ("IPv4"), or "Unknown" for one they do not name. */
    public static Wording.Word etherTypeWord(int type) {
        return Wording.Word.valueOf("etype", String.format("0x%04x", type));
    }
}

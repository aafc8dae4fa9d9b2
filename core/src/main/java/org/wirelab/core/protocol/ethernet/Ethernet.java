package org.wirelab.core.protocol.ethernet;

import org.wirelab.core.decode.ProtocolField;
import java.util.List;
import org.wirelab.core.decode.EitherField;
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
    public static final ProtocolField PROTOCOL_FIELD = ProtocolField.etherTypeLink("eth", "Ethernet");
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
    /** The first three bytes of an address hold its LG and IG bits (IEEE 802-2014 section 8.2). */
    public static final int ADDRESS_BITS_LENGTH = 3;
    public static final long LG_BIT = 0x020000;
    public static final long IG_BIT = 0x010000;
    public static final HeaderField DST_LG = HeaderField.flag("eth.dst.lg", LG_BIT);
    public static final HeaderField DST_IG = HeaderField.flag("eth.dst.ig", IG_BIT);
    public static final HeaderField SRC_LG = HeaderField.flag("eth.src.lg", LG_BIT);
    public static final HeaderField SRC_IG = HeaderField.flag("eth.src.ig", IG_BIT);
    /** Hidden: each address's LG bit, and each address's IG bit. */
    public static final HeaderField LG = HeaderField.flag("eth.lg", LG_BIT);
    public static final HeaderField IG = HeaderField.flag("eth.ig", IG_BIT);
    /** The zeros that bring a short frame to 60 bytes (IEEE 802.3 section 3.2.7), and bytes after them. */
    public static final HeaderField PADDING = HeaderField.of("eth.padding", FieldType.BYTES);
    public static final HeaderField TRAILER = HeaderField.of("eth.trailer", FieldType.BYTES);
    /** Wireshark's note on a trailer where zeros of padding were expected. */
    public static final HeaderField PADDING_BAD = HeaderField.of("eth.padding_bad", FieldType.NONE);
    /** A frame padded to this length (the 64 bytes of IEEE 802.3's minimum, less the FCS). */
    public static final int MIN_FRAME_LENGTH = 60;

    /** Every named Ethernet field, for the registry of names (-e, display filters). */
    public static final List<HeaderField> FIELDS = List.of(DST, SRC, ADDR, TYPE_FIELD, LEN, DST_LG, DST_IG, SRC_LG,
            SRC_IG, LG, IG, PADDING, TRAILER, PADDING_BAD);

    /** The hidden fields packet-eth.c adds beside each address and its bits, with their values. */
    public static final List<EitherField> EITHER = List.of(EitherField.of(ADDR, DST, SRC),
            EitherField.of(LG, DST_LG, SRC_LG), EitherField.of(IG, DST_IG, SRC_IG));

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

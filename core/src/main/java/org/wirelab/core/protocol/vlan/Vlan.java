package org.wirelab.core.protocol.vlan;

import org.wirelab.core.decode.ProtocolField;
import java.util.List;
import org.wirelab.core.decode.HeaderField;
import org.wirelab.core.header.Bytes;

/**
 * 802.1Q's one place: a tag as it follows its TPID, the 2-byte TCI (priority, drop eligible, VLAN id) then
 * the encapsulated EtherType, and the fields Wireshark names for it, declared once as packet-vlan.c and
 * packet-ieee8021ah.c declare them: vlan.* for the customer tag, ieee8021ad.* for the 802.1ad service tag
 * (whose EtherType Wireshark files as ieee8021ah.etype). Wireshark shows these 4 bytes as the "802.1Q
 * Virtual LAN" layer.
 */
public final class Vlan {
    public static final ProtocolField PROTOCOL_FIELD = ProtocolField.etherTypeLink("vlan", "802.1Q");
    public static final ProtocolField SERVICE_PROTOCOL_FIELD = ProtocolField.etherTypeLink("ieee8021ad", "802.1ad");
    public static final int TAG_LENGTH = 4;
    public static final int TCI = 0;
    public static final int TYPE = 2;

    /** One tag's fields: 802.1Q's or 802.1ad's, the same layout under two prefixes. */
    public record TagFields(HeaderField priority, HeaderField dei, HeaderField id, HeaderField etype) {
        List<HeaderField> all() {
            return List.of(priority, dei, id, etype);
        }
    }

    public static final TagFields CUSTOMER = fields("vlan", "vlan.etype");
    public static final TagFields SERVICE = fields("ieee8021ad", "ieee8021ah.etype");

    /** Every named field of both tags, for the registry of names (-e, display filters). */
    public static final List<HeaderField> FIELDS = List.copyOf(concat(CUSTOMER.all(), SERVICE.all()));

    private Vlan() {
    }

    private static TagFields fields(String prefix, String etype) {
        return new TagFields(HeaderField.bits(prefix + ".priority", 0xe000), HeaderField.bits(prefix + ".dei", 0x1000),
                HeaderField.bits(prefix + ".id", 0x0fff), HeaderField.hex(etype));
    }

    private static List<HeaderField> concat(List<HeaderField> a, List<HeaderField> b) {
        List<HeaderField> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return all;
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

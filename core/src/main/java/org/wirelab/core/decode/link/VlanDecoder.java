package org.wirelab.core.decode.link;

import org.wirelab.core.decode.LayerBuilder;
import org.wirelab.core.decode.Next;
import org.wirelab.core.decode.ProtocolDecoder;
import org.wirelab.core.decode.Slice;
import org.wirelab.core.decode.Step;
import org.wirelab.core.header.EtherType;
import org.wirelab.core.header.Vlan;

/**
 * An IEEE 802.1Q customer tag or an 802.1ad service tag (QinQ), found by its TPID in the EtherType table;
 * tags may be stacked. The two use Wireshark's separate field names (vlan.* and ieee8021ad.*).
 */
public final class VlanDecoder implements ProtocolDecoder {
    private final String prefix;
    private final String typeField;
    private final String protocol;

    private VlanDecoder(String prefix, String typeField, String protocol) {
        this.prefix = prefix;
        this.typeField = typeField;
        this.protocol = protocol;
    }

    /** The 802.1Q tag (TPID 0x8100, and the pre-standard 0x9100 that Wireshark also decodes as one). */
    public static VlanDecoder customerTag() {
        return new VlanDecoder("vlan", "vlan.etype", "802.1Q Virtual LAN");
    }

    /** The 802.1ad service tag (TPID 0x88a8). */
    public static VlanDecoder serviceTag() {
        return new VlanDecoder("ieee8021ad", "ieee8021ah.etype", "IEEE 802.1ad");
    }

    @Override
    public Step decode(Slice slice) {
        byte[] b = slice.bytes();
        int o = slice.offset();
        LayerBuilder layer = new LayerBuilder(prefix.equals("vlan") ? "802.1Q" : "802.1ad", 2, b, o);
        if (!slice.has(Vlan.TAG_LENGTH)) {
            layer.error(o, slice.captured(), protocol + " tag needs " + Vlan.TAG_LENGTH + " bytes, " + slice.captured()
                    + " captured");
            return Step.last(layer.build(slice.end(), protocol + " (truncated)", protocol + " (truncated)"));
        }
        int id = Vlan.id(b, o);
        layer.add(layer.bits(prefix + ".priority", "Priority", o, 2, 0xe000, Vlan.priority(b, o),
                Integer.toString(Vlan.priority(b, o))));
        layer.add(layer.bits(prefix + ".dei", "DEI", o, 2, 0x1000, Vlan.dropEligible(b, o),
                Vlan.dropEligible(b, o) == 1 ? "Eligible" : "Ineligible"));
        layer.add(layer.bits(prefix + ".id", "ID", o, 2, 0x0fff, id, Integer.toString(id)));
        int type = Vlan.etherType(b, o);
        layer.add(layer.hex(typeField, "Type", o + Vlan.TYPE, 2, type, EtherType.name(type)));
        return new Step(layer.build(o + Vlan.TAG_LENGTH, protocol + ", PRI: " + Vlan.priority(b, o)
                + ", DEI: " + Vlan.dropEligible(b, o) + ", ID: " + id, "VLAN " + id),
                new Next.ByEtherType(type), slice.after(Vlan.TAG_LENGTH));
    }
}

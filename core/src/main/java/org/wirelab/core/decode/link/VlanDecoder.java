package org.wirelab.core.decode.link;

import org.wirelab.core.decode.LayerBuilder;
import org.wirelab.core.decode.Next;
import org.wirelab.core.decode.ProtocolDecoder;
import org.wirelab.core.decode.Slice;
import org.wirelab.core.decode.Step;
import org.wirelab.core.header.EtherType;
import org.wirelab.core.header.Vlan;

/** An IEEE 802.1Q (or 802.1ad) tag, found by its TPID in the EtherType table; tags may be stacked. */
public final class VlanDecoder implements ProtocolDecoder {

    @Override
    public Step decode(Slice slice) {
        byte[] b = slice.bytes();
        int o = slice.offset();
        LayerBuilder layer = new LayerBuilder("802.1Q", 2, b, o);
        if (!slice.has(Vlan.TAG_LENGTH)) {
            layer.error(o, slice.captured(), "802.1Q tag needs " + Vlan.TAG_LENGTH + " bytes, " + slice.captured()
                    + " captured");
            return Step.last(layer.build(slice.end(), "802.1Q Virtual LAN (truncated)", "802.1Q (truncated)"));
        }
        int id = Vlan.id(b, o);
        layer.add(layer.bits("vlan.priority", "Priority", o, 2, 0xe000, Vlan.priority(b, o),
                Integer.toString(Vlan.priority(b, o))));
        layer.add(layer.bits("vlan.dei", "DEI", o, 2, 0x1000, Vlan.dropEligible(b, o),
                Vlan.dropEligible(b, o) == 1 ? "Eligible" : "Ineligible"));
        layer.add(layer.bits("vlan.id", "ID", o, 2, 0x0fff, id, Integer.toString(id)));
        int type = Vlan.etherType(b, o);
        layer.add(layer.hex("vlan.etype", "Type", o + Vlan.TYPE, 2, type, EtherType.name(type)));
        return new Step(layer.build(o + Vlan.TAG_LENGTH, "802.1Q Virtual LAN, PRI: " + Vlan.priority(b, o)
                + ", DEI: " + Vlan.dropEligible(b, o) + ", ID: " + id, "VLAN " + id),
                new Next.ByEtherType(type), slice.after(Vlan.TAG_LENGTH));
    }
}

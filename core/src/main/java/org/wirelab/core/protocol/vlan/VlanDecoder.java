package org.wirelab.core.protocol.vlan;

import org.wirelab.core.decode.LayerBuilder;
import org.wirelab.core.decode.Wording;
import org.wirelab.core.decode.Next;
import org.wirelab.core.decode.ProtocolDecoder;
import org.wirelab.core.decode.Slice;
import org.wirelab.core.decode.Step;
import org.wirelab.core.protocol.ethernet.EthernetDecoder;

/**
 * An IEEE 802.1Q customer tag or an 802.1ad service tag (QinQ), found by its TPID in the EtherType table;
 * tags may be stacked. The two use Wireshark's separate field names (vlan.* and ieee8021ad.*).
 */
public final class VlanDecoder implements ProtocolDecoder {
    private final Vlan.TagFields fields;
    private final String layerName;
    private final String protocol;
    /** The prefix of the title's keys in the bundles: the tag's field prefix. */
    private final String titleKey;

    private VlanDecoder(Vlan.TagFields fields, String layerName, String protocol, String titleKey) {
        this.titleKey = titleKey;
        this.fields = fields;
        this.layerName = layerName;
        this.protocol = protocol;
    }

    /** The 802.1Q tag (TPID 0x8100, and the pre-standard 0x9100 that Wireshark also decodes as one). */
    public static VlanDecoder customerTag() {
        return new VlanDecoder(Vlan.CUSTOMER, Vlan.PROTOCOL_FIELD.layerName(), "802.1Q Virtual LAN", "vlan.title");
    }

    /** The 802.1ad service tag (TPID 0x88a8). */
    public static VlanDecoder serviceTag() {
        return new VlanDecoder(Vlan.SERVICE, Vlan.SERVICE_PROTOCOL_FIELD.layerName(), "IEEE 802.1ad", "ieee8021ad.title");
    }

    @Override
    public Step decode(Slice slice) {
        byte[] b = slice.bytes();
        int o = slice.offset();
        LayerBuilder layer = new LayerBuilder(layerName, 2, b, o);
        if (!slice.has(Vlan.TAG_LENGTH)) {
            layer.error(o, slice.captured(), protocol + " tag needs " + Vlan.TAG_LENGTH + " bytes, " + slice.captured()
                    + " captured");
            return Step.last(layer.build(slice.end(), new Wording(titleKey + ".truncated", Wording.NO_VALUE),
                    protocol + " (truncated)"));
        }
        int id = Vlan.id(b, o);
        layer.add(fields.priority(), o, 2);
        int dei = Vlan.dropEligible(b, o);
        // Both tags share packet-vlan.c's words for the drop eligible indicator.
        layer.add(layer.field(fields.dei(), o, 2, dei, "vlan.dei[" + dei + "]"));
        layer.add(fields.id(), o, 2);
        int type = Vlan.etherType(b, o);
        layer.add(EthernetDecoder.typeField(layer, fields.etype(), o + Vlan.TYPE, type));
        Wording title = new Wording(titleKey, Wording.NO_VALUE, Integer.toString(Vlan.priority(b, o)),
                Integer.toString(dei), Integer.toString(id));
        return new Step(layer.build(o + Vlan.TAG_LENGTH, title, "VLAN " + id),
                new Next.ByEtherType(type), slice.after(Vlan.TAG_LENGTH));
    }
}

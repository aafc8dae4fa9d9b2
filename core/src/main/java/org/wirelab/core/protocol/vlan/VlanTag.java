package org.wirelab.core.protocol.vlan;

import org.wirelab.core.encode.Bytes;

/**
 * An IEEE 802.1Q tag (TPID 0x8100): priority code point, drop eligible indicator and VLAN identifier.
 */
public record VlanTag(int priority, boolean dropEligible, int vlanId) {
    public static final int TPID = 0x8100;

    public VlanTag {
        Bytes.checkRange("802.1Q priority", priority, 7);
        Bytes.checkRange("802.1Q VLAN id", vlanId, 0xfff);
    }

    public static VlanTag of(int vlanId) {
        return new VlanTag(0, false, vlanId);
    }

    /** The 16-bit tag control information. */
    public int tci() {
        return (priority << 13) | (dropEligible ? 0x1000 : 0) | vlanId;
    }
}

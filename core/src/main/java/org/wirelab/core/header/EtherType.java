package org.wirelab.core.header;

/** EtherType values (IEEE 802 numbers) that wirelab decodes. */
public final class EtherType {
    public static final int IPV4 = 0x0800;
    public static final int ARP = 0x0806;
    public static final int VLAN = 0x8100;
    public static final int IPV6 = 0x86dd;
    /** IEEE 802.1ad service tag (QinQ outer tag). */
    public static final int QINQ = 0x88a8;
    /** The pre-standard QinQ tag some switches still send. */
    public static final int QINQ_LEGACY = 0x9100;
    /** Values up to this are an IEEE 802.3 length, not a type (IEEE 802.3 clause 3.2.6). */
    public static final int MAX_802_3_LENGTH = 1500;

    private EtherType() {
    }

    public static boolean isVlanTag(int type) {
        return type == VLAN || type == QINQ || type == QINQ_LEGACY;
    }
}

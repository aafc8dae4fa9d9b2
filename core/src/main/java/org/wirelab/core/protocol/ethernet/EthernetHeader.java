package org.wirelab.core.protocol.ethernet;

import java.util.Arrays;
import org.wirelab.core.encode.Bytes;
import org.wirelab.core.encode.Computed;
import org.wirelab.core.encode.LinkHeader;
import org.wirelab.core.frame.LinkType;
import org.wirelab.core.protocol.vlan.VlanTag;

/**
 * An Ethernet II header (IEEE 802.3 with an EtherType), optionally carrying one 802.1Q tag. The
 * EtherType is that of the payload (after the tag); {@link Computed#VALUE} takes it from the network
 * header. No padding or FCS is added: Linux {@code lo} frames carry neither (a frame's trailer, when it
 * has one, is kept by {@code FrameLayers.trailer()}).
 */
public record EthernetHeader(byte[] destination, byte[] source, VlanTag vlan, int etherType) implements LinkHeader {
    private static final byte[] ZERO_MAC = new byte[6];

    public EthernetHeader {
        destination = Bytes.copy(destination, 6, "destination MAC");
        source = Bytes.copy(source, 6, "source MAC");
        Bytes.checkRangeOrComputed("EtherType", etherType, 0xffff);
    }

    /** The all-zero addresses of Linux {@code lo}, EtherType from the network header. */
    public static EthernetHeader loopback() {
        return new EthernetHeader(ZERO_MAC, ZERO_MAC, null, Computed.VALUE);
    }

    public static EthernetHeader of(byte[] destination, byte[] source) {
        return new EthernetHeader(destination, source, null, Computed.VALUE);
    }

    public EthernetHeader withVlan(VlanTag tag) {
        return new EthernetHeader(destination, source, tag, etherType);
    }

    @Override
    public byte[] destination() {
        return destination.clone();
    }

    @Override
    public byte[] source() {
        return source.clone();
    }

    @Override
    public int linkType() {
        return LinkType.ETHERNET;
    }

    @Override
    public int headerLength() {
        return vlan == null ? 14 : 18;
    }

    @Override
    public int protocol() {
        return etherType;
    }

    @Override
    public void write(byte[] out, int offset, int networkEtherType) {
        System.arraycopy(destination, 0, out, offset, 6);
        System.arraycopy(source, 0, out, offset + 6, 6);
        int at = offset + 12;
        if (vlan != null) {
            Bytes.put16(out, at, VlanTag.TPID);
            Bytes.put16(out, at + 2, vlan.tci());
            at += 4;
        }
        Bytes.put16(out, at, LinkHeader.resolve(etherType, networkEtherType, "EtherType"));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EthernetHeader e && Arrays.equals(destination, e.destination)
                && Arrays.equals(source, e.source) && java.util.Objects.equals(vlan, e.vlan) && etherType == e.etherType;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(source) + etherType;
    }

    @Override
    public String toString() {
        return "EthernetHeader[" + org.wirelab.core.net.AddressText.mac(source, 0) + " -> "
                + org.wirelab.core.net.AddressText.mac(destination, 0) + (vlan == null ? "" : ", " + vlan)
                + ", type " + (etherType == Computed.VALUE ? "computed" : "0x" + Integer.toHexString(etherType)) + "]";
    }
}

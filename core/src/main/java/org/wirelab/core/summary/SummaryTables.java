package org.wirelab.core.summary;

import org.wirelab.core.frame.LinkType;
import org.wirelab.core.header.EtherType;
import org.wirelab.core.header.IpProtocol;
import org.wirelab.core.protocol.arp.ArpSummary;
import org.wirelab.core.protocol.ethernet.EthernetSummary;
import org.wirelab.core.protocol.ipv4.Ipv4Summary;
import org.wirelab.core.protocol.ipv6.Ipv6Summary;
import org.wirelab.core.protocol.loopback.BsdLoopbackSummary;
import org.wirelab.core.protocol.loopback.RawIpSummary;
import org.wirelab.core.protocol.sll.LinuxSllSummary;
import org.wirelab.core.protocol.tcp.TcpSummary;
import org.wirelab.core.protocol.udp.UdpSummary;
import org.wirelab.core.protocol.vlan.VlanSummary;

/**
 * The fast path's tables, as {@code DecoderTables} are the tree's: which protocol's {@link SummaryLayer} reads
 * a link type, an EtherType, an IP protocol. {@link #STANDARD} is the one place they are built. Each table holds a
 * handful of keys, looked up in an array indexed by the key: no boxing, nothing allocated per frame.
 */
public final class SummaryTables {
    public static final SummaryTables STANDARD = standard();

    private final Table linkTypes;
    private final Table etherTypes;
    private final Table ipProtocols;

    private SummaryTables(Table linkTypes, Table etherTypes, Table ipProtocols) {
        this.linkTypes = linkTypes;
        this.etherTypes = etherTypes;
        this.ipProtocols = ipProtocols;
    }

    private static SummaryTables standard() {
        SummaryLayer ipv4 = new Ipv4Summary();
        SummaryLayer ipv6 = new Ipv6Summary();
        SummaryLayer vlan = new VlanSummary();
        return new SummaryTables(
                new Table().with(LinkType.ETHERNET, new EthernetSummary())
                        .with(LinkType.LINUX_SLL, LinuxSllSummary.version1())
                        .with(LinkType.LINUX_SLL2, LinuxSllSummary.version2())
                        .with(LinkType.NULL, new BsdLoopbackSummary())
                        .with(LinkType.LOOP, new BsdLoopbackSummary())
                        .with(LinkType.RAW, new RawIpSummary())
                        .with(LinkType.IPV4, ipv4)
                        .with(LinkType.IPV6, ipv6),
                new Table().with(EtherType.IPV4, ipv4)
                        .with(EtherType.IPV6, ipv6)
                        .with(EtherType.ARP, new ArpSummary())
                        .with(EtherType.VLAN, vlan)
                        .with(EtherType.QINQ, vlan)
                        .with(EtherType.QINQ_LEGACY, vlan),
                new Table().with(IpProtocol.TCP, new TcpSummary())
                        .with(IpProtocol.UDP, new UdpSummary())
                        // IP in IP: the inner datagram is read as a second network layer.
                        .with(IpProtocol.IPV4, ipv4)
                        .with(IpProtocol.IPV6, ipv6));
    }

    /** The layer that reads a capture of {@code linkType}, or null. */
    public SummaryLayer byLinkType(int linkType) {
        return linkTypes.get(linkType);
    }

    /** The layer of what an {@code etherType} announces, or null. */
    public SummaryLayer byEtherType(int etherType) {
        return etherTypes.get(etherType);
    }

    /** The layer of what an IP {@code protocol} announces, or null. */
    public SummaryLayer byIpProtocol(int protocol) {
        return ipProtocols.get(protocol);
    }

    /** A few keys and their layers, in an array indexed by the key (at most 65,536 entries): one read per lookup. */
    private static final class Table {
        private SummaryLayer[] layers = new SummaryLayer[0];

        Table with(int key, SummaryLayer layer) {
            if (key >= layers.length) {
                layers = java.util.Arrays.copyOf(layers, key + 1);
            }
            layers[key] = layer;
            return this;
        }

        SummaryLayer get(int key) {
            return key >= 0 && key < layers.length ? layers[key] : null;
        }
    }
}

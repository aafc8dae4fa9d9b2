package org.wirelab.core.decode;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.wirelab.core.protocol.chat.Chat;
import org.wirelab.core.protocol.chat.ChatDecoder;
import org.wirelab.core.protocol.dns.DnsDecoder;
import org.wirelab.core.protocol.http.Http;
import org.wirelab.core.protocol.http.HttpDecoder;
import org.wirelab.core.protocol.ssh.SshDecoder;
import org.wirelab.core.protocol.data.TextDecoder;
import org.wirelab.core.protocol.loopback.BsdLoopbackDecoder;
import org.wirelab.core.protocol.ethernet.EthernetDecoder;
import org.wirelab.core.protocol.sll.LinuxSllDecoder;
import org.wirelab.core.protocol.loopback.RawIpDecoder;
import org.wirelab.core.protocol.vlan.VlanDecoder;
import org.wirelab.core.protocol.arp.ArpDecoder;
import org.wirelab.core.protocol.ipv4.Ipv4Decoder;
import org.wirelab.core.protocol.ipv6.Ipv6Decoder;
import org.wirelab.core.protocol.icmp.IcmpDecoder;
import org.wirelab.core.protocol.icmpv6.Icmpv6Decoder;
import org.wirelab.core.protocol.tcp.TcpDecoder;
import org.wirelab.core.protocol.udp.UdpDecoder;
import org.wirelab.core.frame.LinkType;
import org.wirelab.core.header.EtherType;
import org.wirelab.core.header.IpProtocol;

/**
 * The tables that pick each next decoder, after Wireshark's dissector tables: link type, EtherType,
 * IP protocol, and TCP and UDP ports, plus the heuristic decoders tried when no port matches. Immutable;
 * {@link #standard()} is the one place wirelab's tables are built. Tests and tools may build others.
 */
public record DecoderTables(Map<Integer, ProtocolDecoder> linkTypes, Map<Integer, ProtocolDecoder> etherTypes,
        Map<Integer, ProtocolDecoder> ipProtocols, Map<Integer, ApplicationDecoder> tcpPorts,
        Map<Integer, ApplicationDecoder> udpPorts, List<ApplicationDecoder> heuristics) {

    public DecoderTables {
        linkTypes = Map.copyOf(linkTypes);
        etherTypes = Map.copyOf(etherTypes);
        ipProtocols = Map.copyOf(ipProtocols);
        tcpPorts = Map.copyOf(tcpPorts);
        udpPorts = Map.copyOf(udpPorts);
        heuristics = List.copyOf(heuristics);
    }

    /** Every protocol wirelab decodes. */
    public static DecoderTables standard() {
        ProtocolDecoder vlan = VlanDecoder.customerTag();
        HttpDecoder http = new HttpDecoder();
        ApplicationDecoder dnsOverUdp = new DnsDecoder(false);
        return new DecoderTables(
                Map.of(LinkType.ETHERNET, new EthernetDecoder(),
                        LinkType.LINUX_SLL, new LinuxSllDecoder(false),
                        LinkType.LINUX_SLL2, new LinuxSllDecoder(true),
                        LinkType.NULL, new BsdLoopbackDecoder(LinkType.NULL),
                        LinkType.LOOP, new BsdLoopbackDecoder(LinkType.LOOP),
                        LinkType.RAW, new RawIpDecoder(-1),
                        LinkType.IPV4, new RawIpDecoder(EtherType.IPV4),
                        LinkType.IPV6, new RawIpDecoder(EtherType.IPV6)),
                Map.of(EtherType.IPV4, new Ipv4Decoder(),
                        EtherType.IPV6, new Ipv6Decoder(),
                        EtherType.ARP, new ArpDecoder(),
                        EtherType.VLAN, vlan,
                        EtherType.QINQ, VlanDecoder.serviceTag(),
                        EtherType.QINQ_LEGACY, vlan),
                Map.of(IpProtocol.TCP, new TcpDecoder(),
                        IpProtocol.UDP, new UdpDecoder(),
                        IpProtocol.ICMP, new IcmpDecoder(),
                        IpProtocol.ICMPV6, new Icmpv6Decoder(),
                        // IP in IP: the inner datagram is decoded as a second network layer, as tshark does.
                        IpProtocol.IPV4, new Ipv4Decoder(),
                        IpProtocol.IPV6, new Ipv6Decoder()),
                tcpPorts(http),
                Map.of(53, dnsOverUdp),
                List.of(http, new TextDecoder()));
    }

    private static Map<Integer, ApplicationDecoder> tcpPorts(HttpDecoder http) {
        Map<Integer, ApplicationDecoder> ports = new HashMap<>();
        Http.TCP_PORTS.forEach(port -> ports.put(port, http));
        ports.put(53, new DnsDecoder(true));
        ports.put(22, new SshDecoder());
        ports.put(Chat.PORT, new ChatDecoder());
        return ports;
    }

    /** The decoder registered for the lower port, else the higher's, whatever the payload; null when none is. */
    public ApplicationDecoder byPort(Next.ByPorts ports) {
        Map<Integer, ApplicationDecoder> table = ports.transport() == IpProtocol.TCP ? tcpPorts : udpPorts;
        ApplicationDecoder low = table.get(Math.min(ports.sourcePort(), ports.destinationPort()));
        return low != null ? low : table.get(Math.max(ports.sourcePort(), ports.destinationPort()));
    }

    /** The decoder for a payload: the lower port's, then the higher's, then the first heuristic that claims it. */
    public ApplicationDecoder application(Next.ByPorts ports, Slice payload) {
        Map<Integer, ApplicationDecoder> table = ports.transport() == IpProtocol.TCP ? tcpPorts : udpPorts;
        int low = Math.min(ports.sourcePort(), ports.destinationPort());
        int high = Math.max(ports.sourcePort(), ports.destinationPort());
        for (int port : new int[] {low, high}) {
            ApplicationDecoder decoder = table.get(port);
            if (decoder != null && decoder.recognizes(payload, ports)) {
                return decoder;
            }
        }
        for (ApplicationDecoder heuristic : heuristics) {
            if (heuristic.recognizes(payload, ports)) {
                return heuristic;
            }
        }
        return null;
    }
}

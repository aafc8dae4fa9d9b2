package org.wirelab.simulator.net;

import java.util.Arrays;
import org.wirelab.simulator.tcp.TcpConfig;
import org.wirelab.simulator.tcp.TcpStack;
import org.wirelab.simulator.udp.UdpStack;

/** A simulated machine: one IPv4 and one IPv6 address, a TCP and a UDP. */
public final class Host {
    private final Network network;
    private final String name;
    private final byte[] ipv4;
    private final byte[] ipv6;
    private final TcpStack tcp;
    private final UdpStack udp;

    Host(Network network, String name, byte[] ipv4, byte[] ipv6, TcpConfig config) {
        this.network = network;
        this.name = name;
        this.ipv4 = ipv4.clone();
        this.ipv6 = ipv6.clone();
        this.tcp = new TcpStack(this, config);
        this.udp = new UdpStack(this);
    }

    public String name() {
        return name;
    }

    public Network network() {
        return network;
    }

    /** The host's address of one family; the same array every time (packets share it). */
    public byte[] address(boolean v6) {
        return v6 ? ipv6 : ipv4;
    }

    boolean owns(byte[] address) {
        return Arrays.equals(address, address.length == 16 ? ipv6 : ipv4);
    }

    public TcpStack tcp() {
        return tcp;
    }

    public UdpStack udp() {
        return udp;
    }

    /** Hands a packet to the network. */
    public void send(Packet packet) {
        network.transmit(this, packet);
    }

    /** A packet arrives at this host. */
    void receive(Packet packet) {
        network.arrived(this, packet);
        switch (packet.protocol) {
            case Packet.TCP -> tcp.receive(packet);
            case Packet.UDP -> udp.receive(packet);
            case Packet.ICMP, Packet.ICMPV6 -> receiveIcmp(packet);
            default -> { }
        }
    }

    private void receiveIcmp(Packet packet) {
        byte[] quote = packet.payload;
        int headerLength = packet.ipv6 ? 40 : (quote[0] & 0x0f) * 4;
        if (quote.length < headerLength + 2) {
            return;
        }
        int sourcePort = ((quote[headerLength] & 0xff) << 8) | (quote[headerLength + 1] & 0xff);
        udp.receiveError(sourcePort, "port unreachable (ICMP)");
    }

    @Override
    public String toString() {
        return name;
    }
}

package org.wirelab.simulator.udp;

import org.wirelab.simulator.net.Host;
import org.wirelab.simulator.net.Packet;

/** A simulated UDP socket bound to one port: datagrams go out as they are, nothing is retransmitted. */
public final class UdpSocket {
    /** What the application hears. */
    public interface Handler {
        /** A datagram arrived from {@code source}:{@code sourcePort}. */
        void received(UdpSocket socket, byte[] source, int sourcePort, byte[] payload);

        /** An ICMP error came back for a datagram this socket sent (port unreachable). */
        default void unreachable(UdpSocket socket, String reason) {
        }
    }

    private final Host host;
    private final int port;
    private final boolean client;
    private Handler handler;
    private long sent;
    private long received;

    UdpSocket(Host host, int port, boolean client, Handler handler) {
        this.host = host;
        this.port = port;
        this.client = client;
        this.handler = handler;
    }

    public int port() {
        return port;
    }

    public long sent() {
        return sent;
    }

    public long received() {
        return received;
    }

    public void handler(Handler newHandler) {
        this.handler = newHandler;
    }

    /** Sends one datagram carrying {@code payload} (not copied: it must not change afterwards). */
    public void send(byte[] destination, int destinationPort, byte[] payload) {
        boolean ipv6 = destination.length == 16;
        Packet datagram = new Packet(ipv6, host.address(ipv6), destination, Packet.UDP,
                ipv6 ? 0 : host.network().nextIdentification(), port, destinationPort, payload);
        datagram.fromClient = client;
        if (ipv6) {
            datagram.flowLabel = host.network().flowLabel(datagram.source, port, destination, destinationPort, Packet.UDP);
        }
        sent++;
        host.send(datagram);
    }

    void deliver(Packet datagram) {
        received++;
        handler.received(this, datagram.source, datagram.sourcePort, datagram.payload);
    }

    void unreachable(String reason) {
        handler.unreachable(this, reason);
    }
}

package org.wirelab.simulator.udp;

import java.util.HashMap;
import java.util.Map;
import org.wirelab.simulator.net.Host;
import org.wirelab.simulator.net.Packet;

/**
 * The UDP of one host: sockets by port; a datagram to a port without a socket is answered with ICMP
 * destination unreachable, port unreachable (RFC 1122 section 4.1.3.1; RFC 4443 section 3.1 over IPv6).
 */
public final class UdpStack {
    /** RFC 1812 section 4.3.2.3: quote as much of the datagram as fits in 576 bytes (Linux does). */
    private static final int IPV4_QUOTE_LIMIT = 576 - 20 - 8;
    /** RFC 4443 section 2.4 (c): as much as fits in the minimum IPv6 MTU. */
    private static final int IPV6_QUOTE_LIMIT = 1280 - 40 - 8;

    private final Host host;
    private final Map<Integer, UdpSocket> sockets = new HashMap<>();

    public UdpStack(Host host) {
        this.host = host;
    }

    /** Binds {@code port}. */
    public UdpSocket bind(int port, UdpSocket.Handler handler) {
        return bind(port, false, handler);
    }

    /** Binds an ephemeral port, as a client's first {@code sendto} does. */
    public UdpSocket bindEphemeral(UdpSocket.Handler handler) {
        return bind(host.network().ephemeralPort(), true, handler);
    }

    private UdpSocket bind(int port, boolean client, UdpSocket.Handler handler) {
        if (sockets.containsKey(port)) {
            throw new IllegalStateException("UDP port " + port + " is already bound on " + host.name());
        }
        UdpSocket socket = new UdpSocket(host, port, client, handler);
        sockets.put(port, socket);
        return socket;
    }

    public void close(UdpSocket socket) {
        sockets.remove(socket.port(), socket);
    }

    public void receive(Packet datagram) {
        UdpSocket socket = sockets.get(datagram.destinationPort);
        if (socket != null) {
            socket.deliver(datagram);
            return;
        }
        host.send(portUnreachable(datagram));
    }

    /** An ICMP error for a socket of this host: the quoted datagram's source port names it. */
    public void receiveError(int quotedSourcePort, String reason) {
        UdpSocket socket = sockets.get(quotedSourcePort);
        if (socket != null) {
            socket.unreachable(reason);
        }
    }

    private Packet portUnreachable(Packet datagram) {
        byte[] quoted = host.network().encodeDatagram(datagram);
        int limit = datagram.ipv6 ? IPV6_QUOTE_LIMIT : IPV4_QUOTE_LIMIT;
        byte[] quote = java.util.Arrays.copyOf(quoted, Math.min(quoted.length, limit));
        Packet error = new Packet(datagram.ipv6, datagram.destination, datagram.source,
                datagram.ipv6 ? Packet.ICMPV6 : Packet.ICMP, datagram.ipv6 ? 0 : host.network().nextIdentification(),
                0, 0, quote);
        error.icmpType = datagram.ipv6 ? 1 : 3;
        error.icmpCode = datagram.ipv6 ? 4 : 3;
        error.fromClient = !datagram.fromClient;
        if (datagram.ipv6) {
            error.flowLabel = host.network().flowLabel(error.source, 0, error.destination, 0, Packet.ICMPV6);
        }
        return error;
    }
}

package org.wirelab.simulator.tcp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.wirelab.core.tcpstate.TcpState;
import org.wirelab.simulator.engine.Simulator;
import org.wirelab.simulator.net.Host;
import org.wirelab.simulator.net.Packet;
import org.wirelab.core.protocol.tcp.Tcp;

/**
 * The TCP of one host: its listeners and connections, found by port pair (ephemeral ports are unique
 * across the network, so a port pair names one connection), and its answer to a segment nobody
 * expects: RST (RFC 9293 section 3.10.7.1).
 */
public final class TcpStack {
    private final Host host;
    private final TcpConfig config;
    private final Map<Integer, TcpListener> listeners = new HashMap<>();
    private final Map<Long, TcpEndpoint> connections = new HashMap<>();
    private final List<TcpEndpoint> all = new ArrayList<>();
    /**
     * The connection the last segment was for, and its key: a bulk transfer's segments all go to the
     * same two endpoints, and this spares each one a boxed key and a map lookup.
     */
    private long lastKey = -1;
    private TcpEndpoint lastEndpoint;

    public TcpStack(Host host, TcpConfig config) {
        this.host = host;
        this.config = config;
    }

    public TcpConfig config() {
        return config;
    }

    Simulator simulator() {
        return host.network().simulator();
    }

    /** Listens on {@code port}; {@code accept} gives each established connection its handler. */
    public TcpListener listen(int port, String name, Function<TcpEndpoint, TcpHandler> accept) {
        if (listeners.containsKey(port)) {
            throw new IllegalStateException("port " + port + " already listens on " + host.name());
        }
        TcpListener listener = new TcpListener(port, name, accept);
        listeners.put(port, listener);
        return listener;
    }

    /** Opens a connection to {@code remoteAddress}:{@code remotePort} from an ephemeral port: sends SYN. */
    public TcpEndpoint connect(byte[] remoteAddress, int remotePort, String name, TcpHandler handler) {
        return connect(remoteAddress, remotePort, host.network().ephemeralPort(), name, handler);
    }

    /**
     * Opens a connection from {@code localPort} ({@code bind}, then {@code connect}): two programs that
     * each connect to the other's port this way at the same moment make a simultaneous open.
     */
    public TcpEndpoint connect(byte[] remoteAddress, int remotePort, int localPort, String name, TcpHandler handler) {
        boolean ipv6 = remoteAddress.length == 16;
        TcpEndpoint endpoint = new TcpEndpoint(this, ipv6, host.address(ipv6), localPort, remoteAddress, remotePort,
                true, name, handler);
        register(endpoint);
        endpoint.handshake.connect();
        return endpoint;
    }

    /** Every endpoint this host has had, in creation order (closed ones included). */
    public List<TcpEndpoint> endpoints() {
        return List.copyOf(all);
    }

    /** Handles a segment addressed to this host. */
    public void receive(Packet segment) {
        long key = key(segment.destinationPort, segment.sourcePort);
        TcpEndpoint endpoint = key == lastKey ? lastEndpoint : connections.get(key);
        if (endpoint != null) {
            lastKey = key;
            lastEndpoint = endpoint;
            endpoint.arrival.receive(segment);
            return;
        }
        TcpListener listener = listeners.get(segment.destinationPort);
        if (listener != null && segment.flags == Tcp.SYN) {
            TcpEndpoint accepted = new TcpEndpoint(this, segment.ipv6, segment.destination, segment.destinationPort,
                    segment.source, segment.sourcePort, false, listener.name(), null);
            register(accepted);
            accepted.handshake.acceptSyn(segment);
            return;
        }
        reset(segment);
    }

    /**
     * RST for a segment to a closed port (RFC 9293 section 3.10.7.1), or for data to a socket that has
     * just been reset because nobody will read it; a RST is never answered.
     */
    void reset(Packet segment) {
        if (segment.has(Tcp.RST)) {
            return;
        }
        Packet reset = new Packet(segment.ipv6, segment.destination, segment.source, Packet.TCP, 0,
                segment.destinationPort, segment.sourcePort, new byte[0]);
        reset.fromClient = !segment.fromClient;
        if (segment.has(Tcp.ACK)) {
            reset.sequenceNumber = segment.acknowledgmentNumber;
            reset.flags = Tcp.RST;
        } else {
            reset.sequenceNumber = 0;
            reset.acknowledgmentNumber = (segment.sequenceNumber + segment.sequenceLength()) & 0xffffffffL;
            reset.flags = Tcp.RST | Tcp.ACK;
        }
        host.send(reset);
    }

    void established(TcpEndpoint endpoint) {
        TcpListener listener = listeners.get(endpoint.localPort());
        if (listener != null) {
            endpoint.handler(listener.accept(endpoint));
        }
    }

    void send(TcpEndpoint endpoint, Packet segment) {
        host.send(segment);
    }

    void stateChanged(TcpEndpoint endpoint, TcpState from, TcpState to) {
        host.network().stateChanged(new StateChange(simulator().now(), endpoint.name(), endpoint.localPort(),
                endpoint.remotePort(), from, to));
        if (to == TcpState.CLOSED) {
            connections.remove(key(endpoint.localPort(), endpoint.remotePort()), endpoint);
            if (endpoint == lastEndpoint) {
                lastKey = -1;
                lastEndpoint = null;
            }
        }
    }

    long randomIsn() {
        return host.network().random().nextLong() & 0xffffffffL;
    }

    int randomIdentification() {
        return host.network().random().nextInt(1, 0x10000);
    }

    private void register(TcpEndpoint endpoint) {
        long key = key(endpoint.localPort(), endpoint.remotePort());
        connections.put(key, endpoint);
        if (key == lastKey) {
            lastKey = -1; // a new connection on the same port pair replaces the one remembered
            lastEndpoint = null;
        }
        all.add(endpoint);
    }

    private static long key(int localPort, int remotePort) {
        return ((long) localPort << 16) | remotePort;
    }
}

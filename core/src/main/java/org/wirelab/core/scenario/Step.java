package org.wirelab.core.scenario;

import java.time.Duration;
import java.util.List;

/**
 * One thing one actor does in a {@link Scenario}. Steps run one after the other; a step that waits
 * (a receive, an await) blocks the scenario until it is satisfied or times out. A TCP client actor
 * holds at most one connection, opened by {@link Connect}; a UDP client actor has one socket, opened
 * by its first {@link UdpSend}.
 */
public sealed interface Step {

    /** The actor doing the step ({@code "server"}, {@code "client"}, {@code "alice"}...); null for a pause. */
    String actor();

    /** The ports the step talks to, for capture filters. */
    default List<PortUse> ports() {
        return List.of();
    }

    /** The server actor starts {@code service}, listening on {@code port}. */
    record Serve(String actor, Service service, int port) implements Step {
        public Serve {
            Names.check(actor);
            if (service == null) {
                throw new IllegalArgumentException("service is required");
            }
            Ports.check(port);
        }

        @Override
        public List<PortUse> ports() {
            return List.of(new PortUse(service.transport(), port));
        }
    }

    /** The client opens a TCP connection to {@code server}'s {@code port}, which must end as {@code expected}. */
    record Connect(String actor, String server, int port, ConnectResult expected) implements Step {
        public Connect {
            Names.check(actor);
            Names.check(server);
            Ports.check(port);
            if (expected == null) {
                throw new IllegalArgumentException("expected result is required");
            }
        }

        @Override
        public List<PortUse> ports() {
            return List.of(new PortUse(Transport.TCP, port));
        }
    }

    /** The client writes {@code payload} on its connection. */
    record Send(String actor, Payload payload) implements Step {
        public Send {
            Names.check(actor);
            if (payload == null) {
                throw new IllegalArgumentException("payload is required");
            }
        }
    }

    /** The client reads exactly as many bytes as {@code expected} has, which must be those bytes. */
    record Receive(String actor, Payload expected) implements Step {
        public Receive {
            Names.check(actor);
            if (expected == null) {
                throw new IllegalArgumentException("expected payload is required");
            }
        }
    }

    /** The client reads the end of the stream: the peer has closed its side (its FIN arrived). */
    record ReceiveEnd(String actor) implements Step {
        public ReceiveEnd {
            Names.check(actor);
        }
    }

    /**
     * The client shuts down its sending direction, {@code shutdown(SHUT_WR)}: FIN after what it wrote, and
     * it goes on reading what the server still sends (a half close, RFC 9293 section 3.6).
     */
    record Shutdown(String actor) implements Step {
        public Shutdown {
            Names.check(actor);
        }
    }

    /** The client closes its connection in order: FIN (RFC 9293 section 3.6). */
    record Close(String actor) implements Step {
        public Close {
            Names.check(actor);
        }
    }

    /** The client vanishes: its connection is reset (RST), as when a program is killed mid-exchange. */
    record Abort(String actor) implements Step {
        public Abort {
            Names.check(actor);
        }
    }

    /** The client sends {@code count} datagrams carrying {@code payload} to {@code server}'s {@code port}. */
    record UdpSend(String actor, String server, int port, Payload payload, int count) implements Step {
        public UdpSend {
            Names.check(actor);
            Names.check(server);
            Ports.check(port);
            if (payload == null || payload.length() > Scenarios.MAX_UDP_PAYLOAD) {
                throw new IllegalArgumentException("a datagram carries at most " + Scenarios.MAX_UDP_PAYLOAD + " bytes");
            }
            if (count < 1) {
                throw new IllegalArgumentException("count is at least 1: " + count);
            }
        }

        @Override
        public List<PortUse> ports() {
            return List.of(new PortUse(Transport.UDP, port));
        }
    }

    /**
     * The client receives one datagram, which must carry {@code expected}. Without a {@code lostAfter},
     * no datagram within the step timeout is a failure (the lab's client blocks in recvfrom). With one,
     * a datagram that has not come after that long is taken as lost, logged as a note, and the scenario
     * goes on, as a client with a socket timeout does over a lossy network.
     */
    record UdpReceive(String actor, Payload expected, Duration lostAfter) implements Step {
        public UdpReceive {
            Names.check(actor);
            if (expected == null) {
                throw new IllegalArgumentException("expected payload is required");
            }
            if (lostAfter != null && (lostAfter.isNegative() || lostAfter.isZero())) {
                throw new IllegalArgumentException("a loss timeout is positive: " + lostAfter);
            }
        }

        /** Waits as long as a step may; no datagram is a failure. */
        public UdpReceive(String actor, Payload expected) {
            this(actor, expected, null);
        }
    }

    /** The client sends an HTTP/1.1 {@code GET path} to {@code server}'s {@code port} and expects 200. */
    record HttpGet(String actor, String server, int port, String path) implements Step {
        public HttpGet {
            Names.check(actor);
            Names.check(server);
            Ports.check(port);
            if (path == null || !path.startsWith("/")) {
                throw new IllegalArgumentException("a path starts with '/': " + path);
            }
        }

        @Override
        public List<PortUse> ports() {
            return List.of(new PortUse(Transport.TCP, port));
        }
    }

    /**
     * Waits until the server has finished {@code count} exchanges (see {@link Service}). Over UDP,
     * where a datagram may be lost, the wait ends when the count is reached or nothing more arrives,
     * and the loss is reported rather than failed.
     */
    record AwaitHandled(String actor, long count) implements Step {
        public AwaitHandled {
            Names.check(actor);
            if (count < 1) {
                throw new IllegalArgumentException("count is at least 1: " + count);
            }
        }
    }

    /** Nothing happens for {@code duration} (to space events out in a capture, never to synchronise). */
    record Pause(Duration duration) implements Step {
        public Pause {
            if (duration == null || duration.isNegative()) {
                throw new IllegalArgumentException("a pause lasts zero or more: " + duration);
            }
        }

        @Override
        public String actor() {
            return null;
        }
    }
}

package org.wirelab.simulator.scenario;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.wirelab.core.scenario.LabProtocol;
import org.wirelab.core.scenario.Service;
import org.wirelab.simulator.net.Host;
import org.wirelab.simulator.tcp.TcpEndpoint;
import org.wirelab.simulator.tcp.TcpHandler;
import org.wirelab.simulator.udp.UdpSocket;

/**
 * The simulated programs behind each {@link Service}: the same behaviour as the live runner's lab
 * servers (what they read, answer, print and when they close), written as reactions to TCP and UDP
 * events instead of threads.
 */
final class Programs {
    /** The HTTP server's body, as the live runner's HttpHelloServer answers. */
    static final String HTTP_BODY = "hello from wirelab\n";
    /** RFC 9110 section 5.6.7's IMF-fixdate, as the JDK's HttpServer writes it. */
    private static final java.time.format.DateTimeFormatter HTTP_DATE = java.time.format.DateTimeFormatter
            .ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", java.util.Locale.US).withZone(java.time.ZoneOffset.UTC);

    private Programs() {
    }

    static Program start(Service service, Host host, boolean ipv6, int port, String actor, ReaderPace pace,
            Consumer<String> output) {
        String at = Text.endpoint(host.address(ipv6), port);
        return switch (service) {
            case LAB_TCP_SERVER -> new LabTcpServer(host, port, at, actor, output);
            case LAB_UDP_ECHO -> new UdpEcho(host, port, at, output);
            case LAB_CHAT -> new Chat(host, port, at, actor, output);
            case HTTP -> new HttpServer(host, port, at, actor, output);
            case TCP_SINK -> new TcpSink(host, port, at, actor, pace, output);
            case UDP_SINK -> new UdpSink(host, port, at, output);
            case TCP_MESSAGES -> new MessagePrograms.Tcp(host, port, at, actor, output);
            case UDP_MESSAGES -> new MessagePrograms.Udp(host, port, at, output);
        };
    }

    private static String peer(TcpEndpoint endpoint) {
        return endpoint.remoteText();
    }

    /** simpleServeurSocket.py: one read of at most 1024 bytes per connection, printed, then close. */
    static final class LabTcpServer implements Program {
        private long handled;

        LabTcpServer(Host host, int port, String at, String actor, Consumer<String> output) {
            host.tcp().listen(port, actor, endpoint -> {
                output.accept("connection from " + peer(endpoint));
                return new TcpHandler() {
                    @Override
                    public void readable(TcpEndpoint connection) {
                        if (connection.readable() > 0) {
                            byte[] bytes = connection.read(LabProtocol.TCP_RECEIVE_SIZE);
                            output.accept("from " + peer(connection) + ": " + Text.quoted(bytes));
                        } else {
                            output.accept("from " + peer(connection) + ": closed without sending anything");
                        }
                        finish(connection);
                    }

                    @Override
                    public void failed(TcpEndpoint connection, String reason) {
                        output.accept("from " + peer(connection) + ": " + reason);
                        handled++;
                    }

                    private void finish(TcpEndpoint connection) {
                        connection.close();
                        output.accept("closed the connection with " + peer(connection));
                        connection.handler(new TcpHandler() { });
                        handled++;
                    }
                };
            });
            output.accept("TCP server listening on " + at);
        }

        @Override
        public long handled() {
            return handled;
        }
    }

    /** Reads until the client closes, counting bytes, then closes; at its own pace if one is given. */
    static final class TcpSink implements Program {
        private long handled;

        TcpSink(Host host, int port, String at, String actor, ReaderPace pace, Consumer<String> output) {
            var simulator = host.network().simulator();
            host.tcp().listen(port, actor, endpoint -> new TcpHandler() {
                private long total;
                private boolean reading;

                @Override
                public void readable(TcpEndpoint connection) {
                    if (pace == null) {
                        total += connection.discard(Long.MAX_VALUE);
                        finishIfDone(connection);
                    } else if (!reading) {
                        reading = true;
                        readSome(connection);
                    }
                }

                private void readSome(TcpEndpoint connection) {
                    total += connection.discard(pace.bytes());
                    if (!finishIfDone(connection) && connection.state() != org.wirelab.core.tcpstate.TcpState.CLOSED) {
                        simulator.schedule(pace.interval().toNanos(), () -> readSome(connection));
                    }
                }

                private boolean finishIfDone(TcpEndpoint connection) {
                    if (!connection.endOfStream()) {
                        return false;
                    }
                    output.accept("received " + total + " bytes from " + peer(connection) + ", then its FIN");
                    connection.close();
                    output.accept("closed the connection with " + peer(connection));
                    connection.handler(new TcpHandler() { });
                    handled++;
                    return true;
                }

                @Override
                public void failed(TcpEndpoint connection, String reason) {
                    output.accept("received " + total + " bytes from " + peer(connection) + ", then: " + reason);
                    handled++;
                }
            });
            output.accept("TCP sink listening on " + at + (pace == null ? ""
                    : ", reading " + pace.bytes() + " bytes every " + pace.interval().toMillis() + " ms"));
        }

        @Override
        public long handled() {
            return handled;
        }
    }

    /** simpleUDPServeur.py: answers every datagram with "i am the server". */
    static final class UdpEcho implements Program {
        private static final byte[] REPLY = LabProtocol.UDP_REPLY.getBytes(StandardCharsets.US_ASCII);
        private long handled;

        UdpEcho(Host host, int port, String at, Consumer<String> output) {
            host.udp().bind(port, (socket, source, sourcePort, payload) -> {
                String client = Text.endpoint(source, sourcePort);
                int shown = Math.min(payload.length, LabProtocol.UDP_RECEIVE_SIZE);
                output.accept("from " + client + ": " + Text.quoted(payload, 0, shown));
                socket.send(source, sourcePort, REPLY);
                output.accept("replied " + Text.quoted(REPLY) + " to " + client);
                handled++;
            });
            output.accept("UDP server listening on " + at);
        }

        @Override
        public long handled() {
            return handled;
        }
    }

    /** Counts datagrams. */
    static final class UdpSink implements Program {
        private long handled;
        private long bytes;

        UdpSink(Host host, int port, String at, Consumer<String> output) {
            host.udp().bind(port, (socket, source, sourcePort, payload) -> {
                if (handled == 0) {
                    output.accept("first datagram from " + Text.endpoint(source, sourcePort) + ": " + payload.length
                            + " bytes");
                }
                handled++;
                bytes += payload.length;
            });
            output.accept("UDP sink listening on " + at);
        }

        @Override
        public long handled() {
            return handled;
        }
    }

    /**
     * The lab's chat server: each client gets its number, each read is broadcast to all as
     * {@code "\n>>" + message + "\n"}; {@code quit} is broadcast, then the server sends FIN and reads
     * until the client's FIN; a client gone (FIN or RST) is counted.
     */
    static final class Chat implements Program {
        private final List<TcpEndpoint> members = new ArrayList<>();
        private long handled;
        private int clients;

        Chat(Host host, int port, String at, String actor, Consumer<String> output) {
            host.tcp().listen(port, actor, endpoint -> {
                int number = clients++;
                members.add(endpoint);
                output.accept("client " + number + " connected from " + peer(endpoint));
                endpoint.write(LabProtocol.chatNumber(number).getBytes(StandardCharsets.UTF_8));
                return new TcpHandler() {
                    private boolean quit;

                    @Override
                    public void readable(TcpEndpoint connection) {
                        if (connection.readable() > 0) {
                            byte[] message = connection.read(LabProtocol.CHAT_RECEIVE_SIZE);
                            if (quit) {
                                // Read and forgotten: the lab's client sends its number after quit.
                            } else {
                                output.accept("client " + number + ": " + Text.quoted(message));
                                broadcast(message);
                                if (new String(message, StandardCharsets.UTF_8).strip().equals(LabProtocol.QUIT)) {
                                    output.accept("client " + number + " quit");
                                    quit = true;
                                    members.remove(connection);
                                    connection.shutdownOutput();
                                }
                            }
                        }
                        if (connection.endOfStream()) {
                            if (!quit) {
                                output.accept("client " + number + " left without quit");
                            }
                            leave(connection);
                        }
                    }

                    @Override
                    public void failed(TcpEndpoint connection, String reason) {
                        output.accept("client " + number + " vanished: " + reason);
                        members.remove(connection);
                        handled++;
                    }

                    private void leave(TcpEndpoint connection) {
                        members.remove(connection);
                        connection.close();
                        connection.handler(new TcpHandler() { });
                        handled++;
                    }
                };
            });
            output.accept("chat server listening on " + at);
        }

        private void broadcast(byte[] message) {
            byte[] text = LabProtocol.chatBroadcast(new String(message, StandardCharsets.UTF_8))
                    .getBytes(StandardCharsets.UTF_8);
            for (TcpEndpoint member : List.copyOf(members)) {
                member.write(text);
            }
        }

        @Override
        public long handled() {
            return handled;
        }
    }

    /**
     * An HTTP/1.1 server answering {@code GET} with 200 and {@link #HTTP_BODY}: the status line and
     * headers in one write, the body in another, then it closes (as the sample's server does).
     */
    static final class HttpServer implements Program {
        private long handled;

        HttpServer(Host host, int port, String at, String actor, Consumer<String> output) {
            host.tcp().listen(port, actor, endpoint -> new TcpHandler() {
                private final StringBuilder request = new StringBuilder();

                @Override
                public void readable(TcpEndpoint connection) {
                    request.append(new String(connection.read(Integer.MAX_VALUE - 8), StandardCharsets.ISO_8859_1));
                    int end = request.indexOf("\r\n\r\n");
                    if (end < 0) {
                        if (connection.endOfStream()) {
                            connection.close();
                            handled++;
                        }
                        return;
                    }
                    String requestLine = request.substring(0, request.indexOf("\r\n"));
                    String[] parts = requestLine.split(" ");
                    int status = parts[0].equals("GET") ? 200 : 405;
                    byte[] body = HTTP_BODY.getBytes(StandardCharsets.US_ASCII);
                    // As the live runner's server (the JDK's HttpServer) writes them, dated by the virtual clock.
                    String headers = "HTTP/1.1 " + status + (status == 200 ? " OK" : " Method Not Allowed") + "\r\n"
                            + "Connection: close\r\n"
                            + "Date: " + HTTP_DATE.format(java.time.Instant.ofEpochSecond(0,
                                    host.network().epochNanos() + host.network().simulator().now())) + "\r\n"
                            + "Content-type: text/plain; charset=us-ascii\r\n"
                            + "Content-length: " + (status == 200 ? body.length : 0) + "\r\n\r\n";
                    connection.write(headers.getBytes(StandardCharsets.US_ASCII));
                    if (status == 200) {
                        connection.write(body);
                    }
                    output.accept(parts[0] + " " + (parts.length > 1 ? parts[1] : "") + " from " + peer(connection)
                            + ": answered " + status);
                    connection.handler(new TcpHandler() { });
                    // The server closes in a later call, once the exchange is done: FIN in its own segment.
                    host.network().simulator().schedule(host.tcp().config().wakeup().toNanos(), () -> {
                        connection.close();
                        handled++;
                    });
                }
            });
            output.accept("HTTP server listening on " + at);
        }

        @Override
        public long handled() {
            return handled;
        }
    }
}

package org.wirelab.simulator.scenario;

import java.io.ByteArrayOutputStream;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.wirelab.core.scenario.Messages;
import org.wirelab.core.scenario.Service;
import org.wirelab.simulator.net.Host;
import org.wirelab.simulator.tcp.TcpEndpoint;
import org.wirelab.simulator.tcp.TcpHandler;

/**
 * The simulated receivers of a comparison workload ({@link Service#TCP_MESSAGES},
 * {@link Service#UDP_MESSAGES}): the same lines and answers as the live runner's MessageTcpServer and
 * MessageUdpServer, one line per message received, its number read from the message itself.
 */
final class MessagePrograms {
    private MessagePrograms() {
    }

    /** Reads each connection as newline-ended messages, sends back those that ask, closes when the client does. */
    static final class Tcp implements Program {
        private long handled;

        Tcp(Host host, int port, String at, String actor, Consumer<String> output) {
            host.tcp().listen(port, actor, endpoint -> new TcpHandler() {
                private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

                @Override
                public void readable(TcpEndpoint connection) {
                    for (byte b : connection.read(Integer.MAX_VALUE)) {
                        pending.write(b);
                        if (b == '\n') {
                            received(connection, pending.toByteArray());
                            pending.reset();
                        } else if (pending.size() > Messages.MAX_SIZE) {
                            output.accept("a line longer than " + Messages.MAX_SIZE + " bytes from "
                                    + connection.remoteText() + ": closing");
                            finish(connection);
                            return;
                        }
                    }
                    if (connection.endOfStream()) {
                        finish(connection);
                    }
                }

                private void received(TcpEndpoint connection, byte[] message) {
                    if (accepted(message, connection.remoteText(), output)) {
                        if (Messages.replyWanted(message, 0)) {
                            connection.write(message);
                        }
                        handled++;
                    }
                }

                private void finish(TcpEndpoint connection) {
                    connection.close();
                    output.accept("closed the connection with " + connection.remoteText());
                    connection.handler(new TcpHandler() { });
                }

                @Override
                public void failed(TcpEndpoint connection, String reason) {
                    output.accept("connection with " + connection.remoteText() + ": " + reason);
                }
            });
            output.accept("TCP message server listening on " + at);
        }

        @Override
        public long handled() {
            return handled;
        }
    }

    /** Each datagram is a message: printed, and sent back to its sender when it asks. */
    static final class Udp implements Program {
        private long handled;

        Udp(Host host, int port, String at, Consumer<String> output) {
            host.udp().bind(port, (socket, source, sourcePort, payload) -> {
                if (accepted(payload, Text.endpoint(source, sourcePort), output)) {
                    if (Messages.replyWanted(payload, 0)) {
                        socket.send(source, sourcePort, payload);
                    }
                    handled++;
                }
            });
            output.accept("UDP message server listening on " + at);
        }

        @Override
        public long handled() {
            return handled;
        }
    }

    /** Prints the line for one message, or says it is not one; true for a message. */
    private static boolean accepted(byte[] message, String from, Consumer<String> output) {
        OptionalLong index = Messages.index(message, 0, message.length);
        if (index.isEmpty()) {
            output.accept("not a numbered message from " + from + ": "
                    + Text.quoted(message, 0, Math.min(message.length, 40)));
            return false;
        }
        output.accept(Messages.receivedLine(index.getAsLong(), message.length, from, Messages.replyWanted(message, 0)));
        return true;
    }
}

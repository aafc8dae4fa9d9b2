package org.wirelab.simulator.scenario;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.wirelab.core.scenario.LabProtocol;
import org.wirelab.simulator.net.Host;
import org.wirelab.simulator.tcp.TcpEndpoint;
import org.wirelab.simulator.tcp.TcpHandler;

/**
 * The lab's chat server: each client gets its number, each read is broadcast to all as
 * {@code "\n>>" + message + "\n"}; {@code quit} is broadcast, then the server sends FIN and reads
 * until the client's FIN; a client gone (FIN or RST) is counted.
 */
final class Chat implements Program {
    private final List<TcpEndpoint> members = new ArrayList<>();
    private long handled;
    private int clients;

    Chat(Host host, int port, String at, String actor, Consumer<String> output) {
        host.tcp().listen(port, actor, endpoint -> {
            int number = clients++;
            members.add(endpoint);
            output.accept("client " + number + " connected from " + endpoint.remoteText());
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

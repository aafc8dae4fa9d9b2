package org.wirelab.simulator.scenario;

import java.util.function.Consumer;
import org.wirelab.core.scenario.LabProtocol;
import org.wirelab.simulator.net.Host;
import org.wirelab.simulator.tcp.TcpEndpoint;
import org.wirelab.simulator.tcp.TcpHandler;

/** simpleServeurSocket.py: one read of at most 1024 bytes per connection, printed, then close. */
final class LabTcpServer implements Program {
    private long handled;

    LabTcpServer(Host host, int port, String at, String actor, Consumer<String> output) {
        host.tcp().listen(port, actor, endpoint -> {
            output.accept("connection from " + endpoint.remoteText());
            return new TcpHandler() {
                @Override
                public void readable(TcpEndpoint connection) {
                    if (connection.readable() > 0) {
                        byte[] bytes = connection.read(LabProtocol.TCP_RECEIVE_SIZE);
                        output.accept("from " + connection.remoteText() + ": " + Text.quoted(bytes));
                    } else {
                        output.accept("from " + connection.remoteText() + ": closed without sending anything");
                    }
                    finish(connection);
                }

                @Override
                public void failed(TcpEndpoint connection, String reason) {
                    output.accept("from " + connection.remoteText() + ": " + reason);
                    handled++;
                }

                private void finish(TcpEndpoint connection) {
                    connection.close();
                    output.accept("closed the connection with " + connection.remoteText());
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

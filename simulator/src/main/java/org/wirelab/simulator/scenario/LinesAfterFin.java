package org.wirelab.simulator.scenario;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.wirelab.core.scenario.HalfCloseLines;
import org.wirelab.simulator.engine.Simulator;
import org.wirelab.simulator.net.Host;
import org.wirelab.simulator.tcp.TcpEndpoint;
import org.wirelab.simulator.tcp.TcpHandler;

/**
 * The server of a half close: reads until the client's FIN, then sends {@link HalfCloseLines} a gap
 * apart to the client, which still reads, and closes the same gap after the last one.
 */
final class LinesAfterFin implements Program {
    private long handled;

    LinesAfterFin(Host host, int port, String at, String actor, Consumer<String> output) {
        Simulator simulator = host.network().simulator();
        long gap = HalfCloseLines.GAP.toNanos();
        host.tcp().listen(port, actor, endpoint -> new TcpHandler() {
            private long total;
            private boolean answering;

            @Override
            public void readable(TcpEndpoint connection) {
                total += connection.discard(Long.MAX_VALUE);
                if (connection.endOfStream() && !answering) {
                    answering = true;
                    output.accept("received " + total + " bytes from " + connection.remoteText() + ", then its FIN");
                    sendLine(connection, 1);
                }
            }

            private void sendLine(TcpEndpoint connection, int number) {
                if (number > HalfCloseLines.COUNT) {
                    output.accept("sent " + HalfCloseLines.COUNT + " lines to " + connection.remoteText() + " after its FIN");
                    connection.close();
                    output.accept("closed the connection with " + connection.remoteText());
                    connection.handler(new TcpHandler() { });
                    handled++;
                    return;
                }
                connection.write(HalfCloseLines.line(number).getBytes(StandardCharsets.US_ASCII));
                simulator.schedule(gap, () -> sendLine(connection, number + 1));
            }

            @Override
            public void failed(TcpEndpoint connection, String reason) {
                output.accept("received " + total + " bytes from " + connection.remoteText() + ", then: " + reason);
                handled++;
            }
        });
        output.accept("half-close server listening on " + at);
    }

    @Override
    public long handled() {
        return handled;
    }
}

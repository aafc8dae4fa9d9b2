package org.wirelab.simulator.scenario;

import java.util.function.Consumer;
import org.wirelab.core.tcpstate.TcpState;
import org.wirelab.simulator.net.Host;
import org.wirelab.simulator.tcp.TcpEndpoint;
import org.wirelab.simulator.tcp.TcpHandler;

/** Reads until the client closes, counting bytes, then closes; at its own pace if one is given. */
final class TcpSink implements Program {
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
                if (!finishIfDone(connection) && connection.state() != TcpState.CLOSED) {
                    simulator.schedule(pace.interval().toNanos(), () -> readSome(connection));
                }
            }

            private boolean finishIfDone(TcpEndpoint connection) {
                if (!connection.endOfStream()) {
                    return false;
                }
                output.accept("received " + total + " bytes from " + connection.remoteText() + ", then its FIN");
                connection.close();
                output.accept("closed the connection with " + connection.remoteText());
                connection.handler(new TcpHandler() { });
                handled++;
                return true;
            }

            @Override
            public void failed(TcpEndpoint connection, String reason) {
                output.accept("received " + total + " bytes from " + connection.remoteText() + ", then: " + reason);
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

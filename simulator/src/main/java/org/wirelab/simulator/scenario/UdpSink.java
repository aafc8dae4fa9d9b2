package org.wirelab.simulator.scenario;

import java.util.function.Consumer;
import org.wirelab.simulator.net.Host;

/** Counts datagrams. */
final class UdpSink implements Program {
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

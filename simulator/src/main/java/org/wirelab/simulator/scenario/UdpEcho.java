package org.wirelab.simulator.scenario;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.wirelab.core.scenario.LabProtocol;
import org.wirelab.simulator.net.Host;

/** simpleUDPServeur.py: answers every datagram with "i am the server". */
final class UdpEcho implements Program {
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

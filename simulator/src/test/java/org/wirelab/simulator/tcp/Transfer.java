package org.wirelab.simulator.tcp;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.wirelab.core.scenario.Payload;
import org.wirelab.core.scenario.Scenarios;
import org.wirelab.simulator.engine.Simulator;
import org.wirelab.simulator.net.Fault;
import org.wirelab.simulator.net.FrameSink;
import org.wirelab.simulator.net.Host;
import org.wirelab.simulator.net.LinkConfig;
import org.wirelab.simulator.net.Network;

/**
 * One transfer between two simulated hosts through the public API: the client writes {@code bytes}
 * of a known payload and closes, the server reads, comparing every byte with what was sent, until the
 * end of the stream. Test code, so that TCP is checked without the scenario layer.
 */
final class Transfer {
    static final int PORT = 5000;

    final Simulator simulator = new Simulator();
    final Network network;
    final Host client;
    final Host server;
    final Payload payload;
    TcpEndpoint sender;
    long received;
    long firstWrongByte = -1;
    boolean endOfStream;
    String clientFailure;
    String serverFailure;

    Transfer(long seed, LinkConfig link, TcpConfig config, long bytes, List<Fault> faults, FrameSink capture) {
        network = new Network(simulator, seed, faults);
        client = network.addHost("client", new byte[] {10, 0, 0, 1}, address6(1), config);
        server = network.addHost("server", new byte[] {10, 0, 0, 2}, address6(2), config);
        network.link(client, server, link);
        network.link(server, client, link);
        if (capture != null) {
            network.capture(client, capture, 0);
        }
        payload = Payload.repeated(Scenarios.FILLER, bytes);
        byte[] expected = new byte[64 * 1024];
        server.tcp().listen(PORT, "server", endpoint -> new TcpHandler() {
            @Override
            public void readable(TcpEndpoint connection) {
                connection.read(Long.MAX_VALUE, (data, offset, length) -> {
                    int comparable = (int) Math.max(0, Math.min(length, payload.length() - received));
                    payload.copy(received, expected, 0, comparable);
                    if (firstWrongByte < 0 && (comparable < length
                            || !Arrays.equals(data, offset, offset + length, expected, 0, length))) {
                        firstWrongByte = received;
                    }
                    received += length;
                });
                if (connection.endOfStream() && !endOfStream) {
                    endOfStream = true;
                    connection.close();
                }
            }

            @Override
            public void failed(TcpEndpoint connection, String reason) {
                serverFailure = reason;
            }
        });
        long[] written = {0};
        sender = client.tcp().connect(server.address(false), PORT, "client", new TcpHandler() {
            @Override
            public void established(TcpEndpoint connection) {
                writable(connection);
            }

            @Override
            public void writable(TcpEndpoint connection) {
                while (written[0] < payload.length()) {
                    int taken = connection.write(payload::copy, written[0], (int) Math.min(65_536, payload.length() - written[0]));
                    if (taken == 0) {
                        return;
                    }
                    written[0] += taken;
                }
                connection.close();
            }

            @Override
            public void failed(TcpEndpoint connection, String reason) {
                clientFailure = reason;
            }
        });
    }

    /** Runs until nothing is left to happen, or {@code limit} of virtual time. */
    Transfer run(Duration limit) {
        simulator.runUntil(limit.toNanos());
        return this;
    }

    boolean complete() {
        return endOfStream && received == payload.length() && firstWrongByte < 0;
    }

    private static byte[] address6(int last) {
        byte[] address = new byte[16];
        address[0] = 0x20;
        address[1] = 0x01;
        address[2] = 0x0d;
        address[3] = (byte) 0xb8;
        address[15] = (byte) last;
        return address;
    }
}

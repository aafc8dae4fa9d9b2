package org.wirelab.capture.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.Map;
import org.wirelab.core.scenario.IpVersion;
import org.wirelab.core.scenario.PortUse;
import org.wirelab.core.scenario.Scenario;

/**
 * Moves a scenario off the lab's fixed ports onto ports free right now, so that runs can go side by
 * side (tests, a capture while the student's own server holds 3000). The ports are chosen before the
 * run, so a capture filter built from the returned scenario's {@link Scenario#ports()} is right. A
 * port is free for both TCP and UDP when chosen; another program could still take it before the run.
 */
public final class FreePorts {
    private FreePorts() {
    }

    public static Scenario remap(Scenario scenario, IpVersion ipVersion) {
        InetAddress loopback = loopback(ipVersion);
        Map<Integer, Integer> chosen = new HashMap<>();
        for (PortUse use : scenario.ports()) {
            while (!chosen.containsKey(use.port())) {
                int port = freePort(loopback);
                if (!chosen.containsValue(port)) {
                    chosen.put(use.port(), port);
                }
            }
        }
        return scenario.withPorts(chosen::get);
    }

    static InetAddress loopback(IpVersion ipVersion) {
        try {
            return InetAddress.getByName(ipVersion.loopback());
        } catch (UnknownHostException e) {
            throw new IllegalStateException("a literal address always resolves", e);
        }
    }

    static int freePort(InetAddress loopback) {
        try {
            for (int attempt = 0; attempt < 20; attempt++) {
                int port;
                try (ServerSocket tcp = new ServerSocket(0, 1, loopback)) {
                    port = tcp.getLocalPort();
                }
                try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(loopback, port))) {
                    return port;
                } catch (IOException takenForUdp) {
                    // The kernel gave a TCP port that a UDP socket holds: try another.
                }
            }
            throw new IOException("no port free for both TCP and UDP after 20 attempts");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

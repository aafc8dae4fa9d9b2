package org.wirelab.simulator.scenario;

import java.util.function.Consumer;
import org.wirelab.core.scenario.Service;
import org.wirelab.simulator.net.Host;

/**
 * The simulated programs behind each {@link Service}: the same behaviour as the live runner's lab
 * servers (what they read, answer, print and when they close), written as reactions to TCP and UDP
 * events instead of threads.
 */
final class Programs {
    private Programs() {
    }

    /** Starts the program of {@code service} on {@code host}, listening on {@code port}. */
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
            case LINES_AFTER_FIN -> new LinesAfterFin(host, port, at, actor, output);
        };
    }
}

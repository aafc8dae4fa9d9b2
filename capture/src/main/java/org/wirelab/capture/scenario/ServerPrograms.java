package org.wirelab.capture.scenario;

import java.net.InetSocketAddress;
import org.wirelab.capture.lab.ChatServer;
import org.wirelab.capture.lab.HttpHelloServer;
import org.wirelab.capture.lab.LabConsole;
import org.wirelab.capture.lab.LabServer;
import org.wirelab.capture.lab.LinesAfterFinServer;
import org.wirelab.capture.lab.MessageTcpServer;
import org.wirelab.capture.lab.MessageUdpServer;
import org.wirelab.capture.lab.TcpServer;
import org.wirelab.capture.lab.TcpSinkServer;
import org.wirelab.capture.lab.UdpEchoServer;
import org.wirelab.capture.lab.UdpSinkServer;
import org.wirelab.core.scenario.Service;

/** The real program that plays each {@link Service} of a scenario. */
final class ServerPrograms {
    private ServerPrograms() {
    }

    static LabServer create(Service service, InetSocketAddress address, LabConsole output) {
        return switch (service) {
            case LAB_TCP_SERVER -> new TcpServer(address, output);
            case LAB_UDP_ECHO -> new UdpEchoServer(address, output);
            case LAB_CHAT -> new ChatServer(address, output);
            case HTTP -> new HttpHelloServer(address, output);
            case TCP_SINK -> new TcpSinkServer(address, output);
            case UDP_SINK -> new UdpSinkServer(address, output);
            case TCP_MESSAGES -> new MessageTcpServer(address, output);
            case UDP_MESSAGES -> new MessageUdpServer(address, output);
            case LINES_AFTER_FIN -> new LinesAfterFinServer(address, output);
        };
    }
}

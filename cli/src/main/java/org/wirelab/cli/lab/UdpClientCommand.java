package org.wirelab.cli.lab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.wirelab.capture.lab.UdpEchoClient;
import org.wirelab.capture.lab.UdpEchoServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code wirelab lab udp-client}: the lab's simpleUDPclient.py. */
@Command(name = "udp-client", mixinStandardHelpOptions = true,
        description = "The lab's UDP client: sends 'Hello from client' in one datagram and prints the reply.")
final class UdpClientCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private LabLanguage lang;

    @Option(names = "--port", defaultValue = "" + UdpEchoServer.DEFAULT_PORT, description = "the server's UDP port (default: ${DEFAULT-VALUE})")
    private int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "the server's address (default: ${DEFAULT-VALUE})")
    private String host;

    @Option(names = "--message", defaultValue = UdpEchoClient.MESSAGE, description = "what to send (default: ${DEFAULT-VALUE})")
    private String message;

    @Override
    public Integer call() throws IOException {
        UdpEchoClient.run(Addresses.of(host, port), message.getBytes(StandardCharsets.UTF_8),
                UdpEchoClient.DEFAULT_TIMEOUT, new Console(spec, lang.language()));
        return 0;
    }
}

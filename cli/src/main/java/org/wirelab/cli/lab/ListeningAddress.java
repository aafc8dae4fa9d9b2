package org.wirelab.cli.lab;

import java.net.InetSocketAddress;
import picocli.CommandLine.Option;

/**
 * The {@code --port} and {@code --bind} options of the lab's servers: where they listen, on this machine
 * only unless {@code --bind} says otherwise.
 */
final class ListeningAddress {
    @Option(names = "--port", paramLabel = "PORT",
            description = "port to listen on (default: the lab's, 3000, or 9090 for the chat server; 0: any free port)")
    private Integer port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 or :: for every interface)")
    private String bind;

    /** The address to listen on; {@code labPort} when no --port was given. */
    InetSocketAddress address(int labPort) {
        return Addresses.of(bind, port == null ? labPort : port);
    }
}

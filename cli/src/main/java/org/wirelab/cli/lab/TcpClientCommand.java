package org.wirelab.cli.lab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.wirelab.capture.lab.TcpClient;
import org.wirelab.capture.lab.TcpServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code wirelab lab tcp-client}: the lab's simpleclientSocket.py. */
@Command(name = "tcp-client", mixinStandardHelpOptions = true,
        description = "The lab's TCP client: connects, sends 'hello serveur' and a line end, closes.")
final class TcpClientCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private LabLanguage lang;

    @Option(names = "--port", defaultValue = "" + TcpServer.DEFAULT_PORT, description = "the server's TCP port (default: ${DEFAULT-VALUE})")
    private int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "the server's address (default: ${DEFAULT-VALUE})")
    private String host;

    @Option(names = "--message", description = "what to send instead of 'hello serveur\\n' (sent as given, no line end added)")
    private String message;

    @Override
    public Integer call() throws IOException {
        String text = message == null ? TcpClient.MESSAGE : message;
        TcpClient.run(Addresses.of(host, port), text.getBytes(StandardCharsets.UTF_8), new Console(spec, lang.language()));
        return 0;
    }
}

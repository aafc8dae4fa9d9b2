package org.wirelab.cli.lab;

import java.io.IOException;
import java.util.concurrent.Callable;
import org.wirelab.capture.lab.ChatServer;
import org.wirelab.cli.UserError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code wirelab lab chat-server}: the lab's multiThreadServerSocketTCP.py, its quit bug fixed. */
@Command(name = "chat-server", mixinStandardHelpOptions = true,
        description = {"The lab's multi-threaded chat server: gives each client its number and relays every"
            + " message to all clients as '\\n>>message\\n'; 'quit' ends a client's session.",
            "Try it with: wirelab lab chat-client (or the lab's Python client, or netcat 127.0.0.1 9090)"})
final class ChatServerCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private LabLanguage lang;

    @Mixin
    private ListeningAddress listening;

    @Option(names = "--max-clients", defaultValue = "" + ChatServer.DEFAULT_MAX_CLIENTS, description = "clients connected at once (default: ${DEFAULT-VALUE})")
    private int maxClients;

    @Override
    public Integer call() throws IOException {
        if (maxClients < 1) {
            throw new UserError("--max-clients is at least 1: " + maxClients);
        }
        ServerLog log = ServerLog.printingTo(spec, lang.language());
        Serving.untilStopped(new ChatServer(listening.address(ChatServer.DEFAULT_PORT), log, maxClients), log);
        return 0;
    }
}

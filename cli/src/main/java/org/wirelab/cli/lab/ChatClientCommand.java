package org.wirelab.cli.lab;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.util.concurrent.Callable;
import org.wirelab.capture.lab.ChatClient;
import org.wirelab.capture.lab.ChatServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code wirelab lab chat-client}: the lab's multiThreadClientSocketTCP.py, its quit bug fixed. */
@Command(name = "chat-client", mixinStandardHelpOptions = true,
        description = {"The lab's chat client: sends each line typed and prints what the server relays,"
            + " at the same time. 'quit' (or Ctrl-D) leaves the chat."})
final class ChatClientCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private LabLanguage lang;

    @Option(names = "--port", defaultValue = "" + ChatServer.DEFAULT_PORT, description = "the server's TCP port (default: ${DEFAULT-VALUE})")
    private int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "the server's address (default: ${DEFAULT-VALUE})")
    private String host;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Console console = new Console(spec, lang.language());
        try (ChatClient client = new ChatClient(Addresses.of(host, port), console)) {
            client.connect();
            console.say("chatClient.typeHere");
            BufferedReader keyboard = new BufferedReader(new InputStreamReader(System.in, Charset.defaultCharset()));
            client.chat(keyboard);
        }
        return 0;
    }
}

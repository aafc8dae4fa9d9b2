package org.wirelab.capture.lab;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.wirelab.core.scenario.LabProtocol;

/**
 * The lab's simpleclientSocket.py: connects, sends {@code hello serveur\n} in one write (the lab's
 * {@code sendall}) and closes at once, without waiting for anything from the server.
 */
public final class TcpClient {
    public static final String MESSAGE = LabProtocol.TCP_MESSAGE;

    private TcpClient() {
    }

    /** Runs the exchange once; prints what it did. */
    public static void run(InetSocketAddress server, LabConsole output) throws IOException {
        run(server, MESSAGE.getBytes(StandardCharsets.US_ASCII), output);
    }

    /** The same with another message (netcat-like use from the command line). */
    public static void run(InetSocketAddress server, byte[] message, LabConsole output) throws IOException {
        try (Socket socket = Connections.connect(server, Duration.ofSeconds(5), output)) {
            output.say("tcp.connected", Endpoints.text(server), Endpoints.text(socket.getLocalSocketAddress()));
            OutputStream out = socket.getOutputStream();
            out.write(message);
            out.flush();
            output.say("tcp.sent", message.length, PrintableText.quoted(message));
        }
        output.say("tcp.closed");
    }
}

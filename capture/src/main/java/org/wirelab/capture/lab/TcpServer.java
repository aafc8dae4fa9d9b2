package org.wirelab.capture.lab;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.wirelab.core.scenario.LabProtocol;

/**
 * The lab's simpleServeurSocket.py: accepts clients one after another; from each it reads one message
 * (one read of at most 1024 bytes, the lab's {@code recv(1024)}), prints it with the client's address,
 * and closes the connection. So, as with the lab's server, netcat gets its first line printed and is
 * then disconnected. A client that sends nothing is given up after an idle timeout, so that it cannot
 * block the clients waiting behind it (at most {@link #BACKLOG} wait in the kernel's queue). An
 * exchange ({@link #handled()}) is one connection closed.
 */
public final class TcpServer extends SequentialTcpServer {
    public static final int DEFAULT_PORT = LabProtocol.TCP_PORT;
    /** The lab's receive size. */
    public static final int MAX_MESSAGE = LabProtocol.TCP_RECEIVE_SIZE;
    /** Connections the kernel queues while the server is busy with one client. */
    public static final int BACKLOG = SequentialTcpServer.BACKLOG;
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);

    private final Duration idleTimeout;

    public TcpServer(InetSocketAddress address, LabConsole output) {
        this(address, output, DEFAULT_IDLE_TIMEOUT);
    }

    public TcpServer(InetSocketAddress address, LabConsole output, Duration idleTimeout) {
        super(address, output, "name.tcp", "tcp-server");
        this.idleTimeout = idleTimeout;
    }

    @Override
    protected void serve(Socket client) throws IOException {
        String peer = Endpoints.text(client.getRemoteSocketAddress());
        output.say("tcp.connection", peer);
        byte[] buffer = new byte[MAX_MESSAGE];
        try {
            client.setSoTimeout((int) Math.min(Integer.MAX_VALUE, idleTimeout.toMillis()));
            InputStream in = client.getInputStream();
            int length = in.read(buffer);
            if (length < 0) {
                output.say("tcp.nothingSent", peer);
            } else {
                output.say("tcp.received", peer, PrintableText.quoted(buffer, 0, length));
            }
        } catch (SocketTimeoutException e) {
            output.say("tcp.idle", peer, idleTimeout.toSeconds());
        } catch (IOException e) {
            // The client vanished (reset) before or while sending: nothing to print but that.
            if (stopping()) {
                throw e;
            }
            output.accept("from " + peer + ": " + e.getMessage());
        }
        client.close();
        output.accept("closed the connection with " + peer);
        exchangeDone();
    }
}

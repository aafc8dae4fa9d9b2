package org.wirelab.capture.lab;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.function.Consumer;
import org.wirelab.core.scenario.LabProtocol;

/**
 * The lab's simpleServeurSocket.py: accepts clients one after another; from each it reads one message
 * (one read of at most 1024 bytes, the lab's {@code recv(1024)}), prints it with the client's address,
 * and closes the connection. So, as with the lab's server, netcat gets its first line printed and is
 * then disconnected. A client that sends nothing is given up after an idle timeout, so that it cannot
 * block the clients waiting behind it (at most {@link #BACKLOG} wait in the kernel's queue). An
 * exchange ({@link #handled()}) is one connection closed.
 */
public final class TcpServer implements LabServer {
    public static final int DEFAULT_PORT = LabProtocol.TCP_PORT;
    /** The lab's receive size. */
    public static final int MAX_MESSAGE = LabProtocol.TCP_RECEIVE_SIZE;
    /** Connections the kernel queues while the server is busy with one client. */
    public static final int BACKLOG = 50;
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);

    private final InetSocketAddress address;
    private final Consumer<String> output;
    private final Duration idleTimeout;
    private final HandledCounter handled = new HandledCounter();
    private ServerSocket listener;
    private volatile Socket current;
    private Thread thread;

    public TcpServer(InetSocketAddress address, Consumer<String> output) {
        this(address, output, DEFAULT_IDLE_TIMEOUT);
    }

    public TcpServer(InetSocketAddress address, Consumer<String> output, Duration idleTimeout) {
        this.address = address;
        this.output = output;
        this.idleTimeout = idleTimeout;
    }

    @Override
    public synchronized void start() throws IOException {
        if (listener != null) {
            throw new IllegalStateException("already started");
        }
        listener = Binding.tcp(address, BACKLOG);
        output.accept("TCP server listening on " + Endpoints.text(listener.getLocalSocketAddress()));
        thread = new Thread(this::serve, "tcp-server");
        thread.start();
    }

    private void serve() {
        while (!listener.isClosed()) {
            try (Socket client = listener.accept()) {
                current = client;
                serveOne(client);
            } catch (IOException e) {
                if (!listener.isClosed()) {
                    output.accept("error: " + e.getMessage());
                }
            } finally {
                current = null;
            }
        }
    }

    private void serveOne(Socket client) throws IOException {
        String peer = Endpoints.text(client.getRemoteSocketAddress());
        output.accept("connection from " + peer);
        byte[] buffer = new byte[MAX_MESSAGE];
        try {
            client.setSoTimeout((int) Math.min(Integer.MAX_VALUE, idleTimeout.toMillis()));
            InputStream in = client.getInputStream();
            int length = in.read(buffer);
            if (length < 0) {
                output.accept("from " + peer + ": closed without sending anything");
            } else {
                output.accept("from " + peer + ": " + PrintableText.quoted(buffer, 0, length));
            }
        } catch (SocketTimeoutException e) {
            output.accept("from " + peer + ": nothing in " + idleTimeout.toSeconds() + " s, giving up");
        } catch (IOException e) {
            // The client vanished (reset) before or while sending: nothing to print but that.
            if (listener.isClosed()) {
                throw e;
            }
            output.accept("from " + peer + ": " + e.getMessage());
        }
        client.close();
        output.accept("closed the connection with " + peer);
        handled.increment();
    }

    @Override
    public synchronized InetSocketAddress localAddress() {
        return listener == null ? address : (InetSocketAddress) listener.getLocalSocketAddress();
    }

    @Override
    public long handled() {
        return handled.value();
    }

    @Override
    public boolean awaitHandled(long count, Duration timeout) throws InterruptedException {
        return handled.await(count, timeout);
    }

    @Override
    public synchronized void stop() {
        if (listener == null || listener.isClosed()) {
            return;
        }
        try {
            listener.close();
            Socket client = current;
            if (client != null) {
                client.close();
            }
        } catch (IOException e) {
            output.accept("error while stopping: " + e.getMessage());
        }
        Threads.join(thread);
        output.accept("TCP server stopped");
    }
}

package org.wirelab.capture.lab;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Receives bulk data for {@code tcp-bulk}: accepts clients one after another, reads each until the
 * client closes (counting bytes, keeping none), then closes. An exchange ({@link #handled()}) is one
 * connection closed.
 */
public final class TcpSinkServer implements LabServer {
    private static final int BUFFER = 256 * 1024;

    private final InetSocketAddress address;
    private final Consumer<String> output;
    private final HandledCounter handled = new HandledCounter();
    private ServerSocket listener;
    private volatile Socket current;
    private Thread thread;
    private volatile long lastReceived;

    public TcpSinkServer(InetSocketAddress address, Consumer<String> output) {
        this.address = address;
        this.output = output;
    }

    @Override
    public synchronized void start() throws IOException {
        if (listener != null) {
            throw new IllegalStateException("already started");
        }
        listener = Binding.tcp(address, TcpServer.BACKLOG);
        output.accept("TCP sink listening on " + Endpoints.text(listener.getLocalSocketAddress()));
        thread = new Thread(this::serve, "tcp-sink-server");
        thread.start();
    }

    private void serve() {
        byte[] buffer = new byte[BUFFER];
        while (!listener.isClosed()) {
            try (Socket client = listener.accept()) {
                current = client;
                if (listener.isClosed()) {
                    return;
                }
                String peer = Endpoints.text(client.getRemoteSocketAddress());
                long total = 0;
                try {
                    InputStream in = client.getInputStream();
                    int length;
                    while ((length = in.read(buffer)) >= 0) {
                        total += length;
                    }
                    output.accept("received " + total + " bytes from " + peer + ", then its FIN");
                } catch (IOException e) {
                    if (listener.isClosed()) {
                        return;
                    }
                    output.accept("received " + total + " bytes from " + peer + ", then: " + e.getMessage());
                }
                lastReceived = total;
                client.close();
                output.accept("closed the connection with " + peer);
                handled.increment();
            } catch (IOException e) {
                if (!listener.isClosed()) {
                    output.accept("error: " + e.getMessage());
                }
            } finally {
                current = null;
            }
        }
    }

    /** Bytes received on the last connection handled. */
    public long lastReceived() {
        return lastReceived;
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
        output.accept("TCP sink stopped");
    }
}

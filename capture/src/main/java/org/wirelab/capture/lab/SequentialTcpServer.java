package org.wirelab.capture.lab;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * A TCP server that serves its clients one after another on one thread, as the lab's iterative servers
 * do: the binding, the accept loop and the clean stop are here; a subclass says what one connection
 * gets. An exchange ({@link #handled()}) is one connection served and closed.
 */
abstract class SequentialTcpServer extends CountingServer {
    /** Connections the kernel queues while the server is busy with one client. */
    static final int BACKLOG = 50;

    private final InetSocketAddress address;
    private final String name;
    private final String threadName;
    private ServerSocket listener;
    private volatile Socket current;
    private Thread thread;
    /** Where the server prints what it does. */
    protected final LabConsole output;

    /** {@code name} is what the start and stop lines call the server, e.g. "TCP server". */
    SequentialTcpServer(InetSocketAddress address, LabConsole output, String name, String threadName) {
        this.address = address;
        this.output = output;
        this.name = name;
        this.threadName = threadName;
    }

    /**
     * Serves one accepted client; the caller closes the socket afterwards. An {@link IOException} thrown
     * while {@link #stopping()} ends quietly; any other is printed and the next client is served.
     */
    protected abstract void serve(Socket client) throws IOException;

    /** True once {@link #stop()} has closed the listening socket. */
    protected final boolean stopping() {
        return listener.isClosed();
    }

    @Override
    public final synchronized void start() throws IOException {
        if (listener != null) {
            throw new IllegalStateException("already started");
        }
        listener = Binding.tcp(address, BACKLOG, output);
        output.say("listening", output.words(name), Endpoints.text(listener.getLocalSocketAddress()));
        thread = new Thread(this::acceptLoop, threadName);
        thread.start();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try (Socket client = listener.accept()) {
                current = client;
                serve(client);
            } catch (IOException e) {
                if (!listener.isClosed()) {
                    output.say("error", e.getMessage());
                }
            } finally {
                current = null;
            }
        }
    }

    @Override
    public final synchronized InetSocketAddress localAddress() {
        return listener == null ? address : (InetSocketAddress) listener.getLocalSocketAddress();
    }

    @Override
    public final synchronized void stop() {
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
            output.say("error.stopping", e.getMessage());
        }
        Threads.join(thread);
        output.say("stopped", output.words(name));
    }
}

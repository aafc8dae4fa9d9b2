package org.wirelab.core.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * A lab port held as a student's server would hold it, for tests of what wirelab does when the lab's
 * port is taken. When another program already holds it, that is the same situation: nothing is bound
 * and nothing is released.
 */
public final class HeldPort implements AutoCloseable {
    private final int port;
    private final ServerSocket socket;

    private HeldPort(int port, ServerSocket socket) {
        this.port = port;
        this.socket = socket;
    }

    /** Holds TCP {@code port} on 127.0.0.1 unless someone else already does. */
    public static HeldPort tcp(int port) {
        ServerSocket socket = null;
        try {
            socket = new ServerSocket();
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
        } catch (IOException alreadyHeld) {
            closeQuietly(socket);
            socket = null;
        }
        return new HeldPort(port, socket);
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        closeQuietly(socket);
    }

    private static void closeQuietly(ServerSocket socket) {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // a listening socket that cannot close is the kernel's business; the test is over
            }
        }
    }
}

package org.wirelab.capture.lab;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;

/**
 * A UDP server that receives datagrams on one thread: the binding, the receive loop and the clean stop
 * are here; a subclass says what one datagram gets. Receiving into a buffer of a fixed size bounds
 * what a client can make the server hold, as the lab's {@code recvfrom(1024)} does.
 */
abstract class DatagramServer extends CountingServer {
    private final InetSocketAddress address;
    private final String name;
    private final String threadName;
    private final int receiveSize;
    private DatagramSocket socket;
    private Thread thread;
    /** Where the server prints what it does. */
    protected final LabConsole output;

    /**
     * {@code name} is the key of what the start and stop lines call the server, e.g. {@code name.udp} ("UDP
     * server"); a datagram longer
     * than {@code receiveSize} is cut to its first {@code receiveSize} bytes.
     */
    DatagramServer(InetSocketAddress address, LabConsole output, String name, String threadName,
            int receiveSize) {
        this.address = address;
        this.output = output;
        this.name = name;
        this.threadName = threadName;
        this.receiveSize = receiveSize;
    }

    /**
     * Handles one datagram: {@code datagram}'s data, length and sender are valid during the call only.
     * An {@link IOException} (a reply that cannot be sent) is printed and the server goes on.
     */
    protected abstract void receive(DatagramSocket socket, DatagramPacket datagram) throws IOException;

    /**
     * Asks the kernel for a receive buffer of {@code bytes}, so that a burst loses as little as possible;
     * the kernel may give less (its limit is net.core.rmem_max), which only loses more.
     */
    protected static void askReceiveBuffer(DatagramSocket socket, int bytes) {
        try {
            socket.setReceiveBufferSize(bytes);
        } catch (SocketException e) {
            // The kernel keeps its own size: nothing else to do.
        }
    }

    /** Adjusts the bound socket before the first datagram (a larger receive buffer...). */
    protected void configure(DatagramSocket socket) {
    }

    /** The last line printed, once the socket is closed and the thread has ended. */
    protected String stoppedLine() {
        return output.words("stopped", output.words(name));
    }

    @Override
    public final synchronized void start() throws IOException {
        if (socket != null) {
            throw new IllegalStateException("already started");
        }
        socket = Binding.udp(address, output);
        configure(socket);
        output.say("listening", output.words(name), Endpoints.text(socket.getLocalSocketAddress()));
        thread = new Thread(this::receiveLoop, threadName);
        thread.start();
    }

    private void receiveLoop() {
        byte[] buffer = new byte[receiveSize];
        DatagramPacket datagram = new DatagramPacket(buffer, buffer.length);
        while (!socket.isClosed()) {
            try {
                datagram.setLength(buffer.length);
                socket.receive(datagram);
                receive(socket, datagram);
            } catch (IOException e) {
                if (!socket.isClosed()) {
                    // A send can fail (no route, a full buffer): the server goes on serving others.
                    output.say("error", e.getMessage());
                }
            }
        }
    }

    @Override
    public final synchronized InetSocketAddress localAddress() {
        return socket == null ? address : (InetSocketAddress) socket.getLocalSocketAddress();
    }

    @Override
    public final synchronized void stop() {
        if (socket == null || socket.isClosed()) {
            return;
        }
        socket.close();
        Threads.join(thread);
        output.accept(stoppedLine());
    }
}

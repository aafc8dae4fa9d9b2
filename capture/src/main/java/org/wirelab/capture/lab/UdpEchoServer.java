package org.wirelab.capture.lab;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Consumer;
import org.wirelab.core.scenario.LabProtocol;

/**
 * The lab's simpleUDPServeur.py: for every datagram it prints the message and the client's address,
 * then answers {@code i am the server} to that address. Like the lab's {@code recvfrom(1024)}, a
 * datagram longer than 1024 bytes is cut to its first 1024. An exchange ({@link #handled()}) is one
 * datagram answered.
 */
public final class UdpEchoServer implements LabServer {
    public static final int DEFAULT_PORT = LabProtocol.UDP_PORT;
    /** The reply, byte for byte the lab's {@code b"i am the server"}. */
    public static final String REPLY = LabProtocol.UDP_REPLY;
    /** The lab's receive size. */
    public static final int MAX_MESSAGE = LabProtocol.UDP_RECEIVE_SIZE;

    private final InetSocketAddress address;
    private final Consumer<String> output;
    private final HandledCounter handled = new HandledCounter();
    private DatagramSocket socket;
    private Thread thread;

    public UdpEchoServer(InetSocketAddress address, Consumer<String> output) {
        this.address = address;
        this.output = output;
    }

    @Override
    public synchronized void start() throws IOException {
        if (socket != null) {
            throw new IllegalStateException("already started");
        }
        socket = Binding.udp(address);
        output.accept("UDP server listening on " + Endpoints.text(socket.getLocalSocketAddress()));
        thread = new Thread(this::serve, "udp-echo-server");
        thread.start();
    }

    private void serve() {
        byte[] buffer = new byte[MAX_MESSAGE];
        byte[] reply = REPLY.getBytes(StandardCharsets.US_ASCII);
        DatagramPacket request = new DatagramPacket(buffer, buffer.length);
        while (!socket.isClosed()) {
            try {
                request.setLength(buffer.length);
                socket.receive(request);
                String client = Endpoints.text(request.getSocketAddress());
                output.accept("from " + client + ": " + PrintableText.quoted(buffer, 0, request.getLength()));
                socket.send(new DatagramPacket(reply, reply.length, request.getSocketAddress()));
                output.accept("replied " + PrintableText.quoted(reply) + " to " + client);
                handled.increment();
            } catch (IOException e) {
                if (!socket.isClosed()) {
                    // A send can fail (no route, a full buffer): the server goes on serving others.
                    output.accept("error: " + e.getMessage());
                }
            }
        }
    }

    @Override
    public synchronized InetSocketAddress localAddress() {
        return socket == null ? address : (InetSocketAddress) socket.getLocalSocketAddress();
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
        if (socket == null || socket.isClosed()) {
            return;
        }
        socket.close();
        Threads.join(thread);
        output.accept("UDP server stopped");
    }
}

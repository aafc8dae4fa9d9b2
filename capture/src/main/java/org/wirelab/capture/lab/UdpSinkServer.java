package org.wirelab.capture.lab;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Receives the datagrams of {@code udp-burst}: counts them and their bytes, answers nothing, prints
 * only the first sender and, on stop, the totals (one line per datagram would drown a burst). Its
 * receive buffer is asked as large as the kernel allows, so a burst loses as little as possible. An
 * exchange ({@link #handled()}) is one datagram received.
 */
public final class UdpSinkServer implements LabServer {
    private static final int RECEIVE_BUFFER = 8 * 1024 * 1024;

    private final InetSocketAddress address;
    private final Consumer<String> output;
    private final HandledCounter handled = new HandledCounter();
    private DatagramSocket socket;
    private Thread thread;
    private volatile long bytes;

    public UdpSinkServer(InetSocketAddress address, Consumer<String> output) {
        this.address = address;
        this.output = output;
    }

    @Override
    public synchronized void start() throws IOException {
        if (socket != null) {
            throw new IllegalStateException("already started");
        }
        socket = Binding.udp(address);
        try {
            socket.setReceiveBufferSize(RECEIVE_BUFFER);
        } catch (SocketException e) {
            // The kernel keeps its own limit (net.core.rmem_max): a smaller buffer only loses more.
        }
        output.accept("UDP sink listening on " + Endpoints.text(socket.getLocalSocketAddress()));
        thread = new Thread(this::serve, "udp-sink-server");
        thread.start();
    }

    private void serve() {
        byte[] buffer = new byte[65_536];
        DatagramPacket datagram = new DatagramPacket(buffer, buffer.length);
        while (!socket.isClosed()) {
            try {
                datagram.setLength(buffer.length);
                socket.receive(datagram);
                if (handled.value() == 0) {
                    output.accept("first datagram from " + Endpoints.text(datagram.getSocketAddress()) + ": "
                            + datagram.getLength() + " bytes");
                }
                bytes += datagram.getLength();
                handled.increment();
            } catch (IOException e) {
                if (!socket.isClosed()) {
                    output.accept("error: " + e.getMessage());
                }
            }
        }
    }

    /** Bytes received so far. */
    public long bytes() {
        return bytes;
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
        output.accept("received " + handled.value() + " datagrams, " + bytes + " bytes; UDP sink stopped");
    }
}

package org.wirelab.capture.lab;

import java.io.IOException;
import java.net.BindException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;

/**
 * Binds the lab's server sockets and turns the kernel's terse bind errors into one line a student can
 * act on ("TCP port 3000 on 127.0.0.1 is already in use ..."), in the language of the server's console.
 */
final class Binding {
    private Binding() {
    }

    /**
     * A listening TCP socket. SO_REUSEADDR is set, as the lab's Python servers do, so that a server
     * restarted right after Ctrl-C does not wait for TIME_WAIT connections to expire; on Linux it
     * still refuses a port that another socket is listening on.
     */
    static ServerSocket tcp(InetSocketAddress address, int backlog, LabConsole console) throws IOException {
        ServerSocket socket = new ServerSocket();
        try {
            socket.setReuseAddress(true);
            socket.bind(address, backlog);
            return socket;
        } catch (BindException e) {
            socket.close();
            throw explain("TCP", address, e, console);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** The same as {@link #tcp}, as a channel for a server that serves its clients with a selector. */
    static ServerSocketChannel tcpChannel(InetSocketAddress address, int backlog, LabConsole console) throws IOException {
        ServerSocketChannel channel = ServerSocketChannel.open();
        try {
            channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            channel.bind(address, backlog);
            return channel;
        } catch (BindException e) {
            channel.close();
            throw explain("TCP", address, e, console);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** A bound UDP socket (no SO_REUSEADDR: two UDP servers on one port would split the datagrams). */
    static DatagramSocket udp(InetSocketAddress address, LabConsole console) throws IOException {
        DatagramSocket socket = new DatagramSocket(null);
        try {
            socket.bind(address);
            return socket;
        } catch (BindException e) {
            socket.close();
            throw explain("UDP", address, e, console);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    static BindException explain(String transport, InetSocketAddress address, BindException e, LabConsole console) {
        String host = Endpoints.host(address.getAddress());
        String reason = String.valueOf(e.getMessage());
        if (reason.contains("in use")) {
            return new PortInUseException(console.words("bind.inUse", transport, address.getPort(), host));
        }
        if (reason.contains("assign requested address")) {
            return new BindException(console.words("bind.noSuchAddress", host));
        }
        if (reason.contains("ermission")) {
            return new BindException(console.words("bind.needsRoot", transport, address.getPort(), host));
        }
        return new BindException(console.words("bind.failed", transport, address.getPort(), host, reason));
    }
}

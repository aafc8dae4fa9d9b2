package org.wirelab.capture.lab;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;

/**
 * Receives the datagrams of {@code udp-burst}: counts them and their bytes, answers nothing, prints
 * only the first sender and, on stop, the totals (one line per datagram would drown a burst). Its
 * receive buffer is asked as large as the kernel allows, so a burst loses as little as possible. An
 * exchange ({@link #handled()}) is one datagram received.
 */
public final class UdpSinkServer extends DatagramServer {
    private static final int RECEIVE_BUFFER = 8 * 1024 * 1024;
    /** Larger than any UDP payload (65,507 bytes over IPv4, 65,527 over IPv6): no datagram is cut. */
    private static final int MAX_DATAGRAM = 65_536;

    private volatile long bytes;

    public UdpSinkServer(InetSocketAddress address, LabConsole output) {
        super(address, output, "name.udpSink", "udp-sink-server", MAX_DATAGRAM);
    }

    @Override
    protected void configure(DatagramSocket socket) {
        askReceiveBuffer(socket, RECEIVE_BUFFER);
    }

    @Override
    protected void receive(DatagramSocket socket, DatagramPacket datagram) {
        if (handled() == 0) {
            output.accept("first datagram from " + Endpoints.text(datagram.getSocketAddress()) + ": "
                    + datagram.getLength() + " bytes");
        }
        bytes += datagram.getLength();
        exchangeDone();
    }

    /** Bytes received so far. */
    public long bytes() {
        return bytes;
    }

    @Override
    protected String stoppedLine() {
        return output.words("udpSink.stopped", handled(), bytes);
    }
}

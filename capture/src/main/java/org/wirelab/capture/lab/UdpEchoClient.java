package org.wirelab.capture.lab;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.wirelab.core.scenario.LabProtocol;

/**
 * The lab's simpleUDPclient.py: sends {@code Hello from client} to the server in one datagram, then
 * prints the reply (at most 1024 bytes, the lab's {@code recv(1024)}). Unlike the lab's client, which
 * would wait forever for a lost reply, it gives up after a timeout.
 */
public final class UdpEchoClient {
    public static final String MESSAGE = LabProtocol.UDP_REQUEST;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    private UdpEchoClient() {
    }

    /** Sends the lab's message and returns the reply's bytes; prints what it did. */
    public static byte[] run(InetSocketAddress server, LabConsole output) throws IOException {
        return run(server, MESSAGE.getBytes(StandardCharsets.US_ASCII), DEFAULT_TIMEOUT, output);
    }

    public static byte[] run(InetSocketAddress server, byte[] message, Duration timeout, LabConsole output)
            throws IOException {
        try (DatagramSocket socket = new DatagramSocket(null)) {
            // Connecting a UDP socket sends nothing; it lets the kernel report an ICMP port unreachable
            // as an exception instead of the silence the lab's client would wait in forever.
            socket.connect(server);
            socket.setSoTimeout((int) timeout.toMillis());
            socket.send(new DatagramPacket(message, message.length));
            output.say("udp.sent", PrintableText.quoted(message), Endpoints.text(server),
                    Endpoints.text(socket.getLocalSocketAddress()));
            byte[] buffer = new byte[UdpEchoServer.MAX_MESSAGE];
            DatagramPacket reply = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(reply);
            } catch (PortUnreachableException e) {
                throw new PortUnreachableException(output.words("udp.unreachable", Endpoints.text(server)));
            } catch (SocketTimeoutException e) {
                throw new SocketTimeoutException(output.words("udp.noReply", Endpoints.text(server), timeout.toSeconds()));
            }
            byte[] bytes = Arrays.copyOf(buffer, reply.getLength());
            output.say("udp.reply", Endpoints.text(reply.getSocketAddress()), PrintableText.quoted(bytes));
            return bytes;
        }
    }
}

package org.wirelab.capture.lab;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.wirelab.core.scenario.LabProtocol;

/**
 * The lab's simpleUDPServeur.py: for every datagram it prints the message and the client's address,
 * then answers {@code i am the server} to that address. Like the lab's {@code recvfrom(1024)}, a
 * datagram longer than 1024 bytes is cut to its first 1024. An exchange ({@link #handled()}) is one
 * datagram answered.
 */
public final class UdpEchoServer extends DatagramServer {
    public static final int DEFAULT_PORT = LabProtocol.UDP_PORT;
    /** The reply, byte for byte the lab's {@code b"i am the server"}. */
    public static final String REPLY = LabProtocol.UDP_REPLY;
    /** The lab's receive size. */
    public static final int MAX_MESSAGE = LabProtocol.UDP_RECEIVE_SIZE;

    private final byte[] reply = REPLY.getBytes(StandardCharsets.US_ASCII);

    public UdpEchoServer(InetSocketAddress address, LabConsole output) {
        super(address, output, "name.udp", "udp-echo-server", MAX_MESSAGE);
    }

    @Override
    protected void receive(DatagramSocket socket, DatagramPacket request) throws IOException {
        String client = Endpoints.text(request.getSocketAddress());
        output.say("udp.from", client, PrintableText.quoted(request.getData(), 0, request.getLength()));
        socket.send(new DatagramPacket(reply, reply.length, request.getSocketAddress()));
        output.say("udp.replied", PrintableText.quoted(reply), client);
        exchangeDone();
    }
}

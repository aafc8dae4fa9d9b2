package org.wirelab.capture.lab;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.util.OptionalLong;
import org.wirelab.core.scenario.Messages;

/**
 * The UDP side of a comparison workload: each datagram is one of the {@link Messages}; the server prints
 * its number (what the receiving program saw, in the order it saw it) and sends it back to its sender
 * when it asks for a reply. An exchange ({@link #handled()}) is one message received.
 */
public final class MessageUdpServer extends DatagramServer {
    private static final int RECEIVE_BUFFER = 8 * 1024 * 1024;

    public MessageUdpServer(InetSocketAddress address, LabConsole output) {
        super(address, output, "name.udpMessages", "udp-message-server", Messages.MAX_SIZE);
    }

    @Override
    protected void configure(DatagramSocket socket) {
        askReceiveBuffer(socket, RECEIVE_BUFFER);
    }

    @Override
    protected void receive(DatagramSocket socket, DatagramPacket datagram) throws IOException {
        String peer = Endpoints.text(datagram.getSocketAddress());
        OptionalLong index = Messages.index(datagram.getData(), 0, datagram.getLength());
        if (index.isEmpty()) {
            output.say("messages.notNumbered", peer,
                    PrintableText.quoted(datagram.getData(), 0, Math.min(datagram.getLength(), 40)));
            return;
        }
        boolean echo = Messages.replyWanted(datagram.getData(), 0);
        if (echo) {
            socket.send(new DatagramPacket(datagram.getData(), datagram.getLength(), datagram.getSocketAddress()));
        }
        output.accept(Messages.receivedLine(index.getAsLong(), datagram.getLength(), peer, echo));
        exchangeDone();
    }
}

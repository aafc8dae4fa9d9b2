package org.wirelab.capture.lab;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.OptionalLong;
import org.wirelab.core.scenario.Messages;

/**
 * The TCP side of a comparison workload: reads each connection as newline-ended {@link Messages},
 * prints one line per message (its number: what the receiving program saw), sends back the messages
 * that ask for it, and closes when the client closes. A line longer than {@link Messages#MAX_SIZE}
 * ends the connection: the server never holds more than one message. An exchange ({@link #handled()})
 * is one message received.
 */
public final class MessageTcpServer extends SequentialTcpServer {
    private final byte[] message = new byte[Messages.MAX_SIZE];   // used by the serving thread only

    public MessageTcpServer(InetSocketAddress address, LabConsole output) {
        super(address, output, "name.tcpMessages", "tcp-message-server");
    }

    @Override
    protected void serve(Socket client) throws IOException {
        String peer = Endpoints.text(client.getRemoteSocketAddress());
        InputStream in = new BufferedInputStream(client.getInputStream());
        OutputStream out = client.getOutputStream();
        int length = 0;
        int b;
        while ((b = in.read()) >= 0) {
            if (length == message.length) {
                output.say("messages.tooLong", Messages.MAX_SIZE, peer);
                break;
            }
            message[length++] = (byte) b;
            if (b == '\n') {
                received(peer, length, out);
                length = 0;
            }
        }
        client.close();
        output.say("closedWith", peer);
    }

    private void received(String peer, int length, OutputStream out) throws IOException {
        OptionalLong index = Messages.index(message, 0, length);
        if (index.isEmpty()) {
            output.say("messages.notNumbered", peer, PrintableText.quoted(message, 0, Math.min(length, 40)));
            return;
        }
        boolean echo = Messages.replyWanted(message, 0);
        if (echo) {
            out.write(message, 0, length);
            out.flush();
        }
        output.accept(Messages.receivedLine(index.getAsLong(), length, peer, echo));
        exchangeDone();
    }
}

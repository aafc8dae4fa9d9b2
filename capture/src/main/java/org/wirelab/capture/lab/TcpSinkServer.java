package org.wirelab.capture.lab;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * Receives bulk data for {@code tcp-bulk}: accepts clients one after another, reads each until the
 * client closes (counting bytes, keeping none), then closes. An exchange ({@link #handled()}) is one
 * connection closed.
 */
public final class TcpSinkServer extends SequentialTcpServer {
    private static final int BUFFER = 256 * 1024;

    private final byte[] buffer = new byte[BUFFER];  // used by the serving thread only
    private volatile long lastReceived;

    public TcpSinkServer(InetSocketAddress address, LabConsole output) {
        super(address, output, "name.tcpSink", "tcp-sink-server");
    }

    @Override
    protected void serve(Socket client) throws IOException {
        if (stopping()) {
            return;
        }
        String peer = Endpoints.text(client.getRemoteSocketAddress());
        long total = 0;
        try {
            InputStream in = client.getInputStream();
            int length;
            while ((length = in.read(buffer)) >= 0) {
                total += length;
            }
            output.say("sink.received", total, peer);
        } catch (IOException e) {
            if (stopping()) {
                return;
            }
            output.say("sink.receivedThen", total, peer, e.getMessage());
        }
        lastReceived = total;
        client.close();
        output.say("closedWith", peer);
        exchangeDone();
    }

    /** Bytes received on the last connection handled. */
    public long lastReceived() {
        return lastReceived;
    }
}

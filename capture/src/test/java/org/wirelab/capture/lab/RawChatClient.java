package org.wirelab.capture.lab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A chat client made of a bare socket, to check the server's bytes exactly. */
final class RawChatClient implements AutoCloseable {
    final Socket socket = new Socket();

    RawChatClient(InetSocketAddress server) throws IOException {
        socket.connect(server);
        socket.setSoTimeout(10_000);
    }

    void send(String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().flush();
    }

    /** Reads exactly as many bytes as {@code expected} has and checks them. */
    void expect(String expected) throws IOException {
        byte[] wanted = expected.getBytes(StandardCharsets.UTF_8);
        InputStream in = socket.getInputStream();
        assertArrayEquals(wanted, in.readNBytes(wanted.length),
                () -> "expected " + PrintableText.quoted(wanted));
    }

    /** True when the server closed its side (end of stream) before sending anything more. */
    boolean atEndOfStream() throws IOException {
        return socket.getInputStream().read() == -1;
    }

    int localPort() {
        return socket.getLocalPort();
    }

    /** Vanishes: closes with RST, as a crashed program's socket does when data is pending. */
    void abort() throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}

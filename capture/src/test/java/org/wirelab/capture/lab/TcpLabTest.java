package org.wirelab.capture.lab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TcpLabTest {

    @Test
    void theServerPrintsExactlyWhatEachClientSentAndClosesAfterOneRead() throws Exception {
        RecordedLines out = new RecordedLines();
        String[] sent = {"hello serveur\n", "caf\u00e9 \t\"quoted\"", "third"};
        // What the server must print for each, written by hand: escapes make line ends and quotes visible.
        String[] printed = {"\"hello serveur\\n\"", "\"caf\u00e9 \\t\\\"quoted\\\"\"", "\"third\""};
        try (TcpServer server = new TcpServer(Loopback.ipv4AnyPort(), out)) {
            server.start();
            for (int i = 0; i < sent.length; i++) {
                try (Socket client = new Socket()) {
                    client.connect(server.localAddress());
                    client.getOutputStream().write(sent[i].getBytes(StandardCharsets.UTF_8));
                    client.setSoTimeout(5000);
                    // The lab's server closes after its one recv: the client reads end of stream.
                    assertEquals(-1, client.getInputStream().read());
                    String peer = "127.0.0.1:" + client.getLocalPort();
                    out.await("closed the connection with " + peer);
                    assertTrue(out.all().contains("from " + peer + ": " + printed[i]), out.all().toString());
                }
            }
            assertTrue(server.awaitHandled(3, RecordedLines.TIMEOUT));
        }
    }

    @Test
    void aClientThatVanishesMidMessageDoesNotStopTheServer() throws Exception {
        RecordedLines out = new RecordedLines();
        try (TcpServer server = new TcpServer(Loopback.ipv4AnyPort(), out)) {
            server.start();
            try (Socket vanishing = new Socket()) {
                vanishing.connect(server.localAddress());
                vanishing.setSoLinger(true, 0); // close() now sends RST: the client "crashes"
            }
            try (Socket silent = new Socket()) {
                silent.connect(server.localAddress());
                silent.shutdownOutput(); // FIN without data, like netcat given Ctrl-D at once
                silent.setSoTimeout(5000);
                assertEquals(-1, silent.getInputStream().read());
            }
            assertTrue(server.awaitHandled(2, RecordedLines.TIMEOUT));
            TcpClient.run(server.localAddress(), new RecordedLines());
            out.await(line -> line.endsWith(": \"hello serveur\\n\""));
            assertTrue(server.awaitHandled(3, RecordedLines.TIMEOUT));
            out.await(line -> line.endsWith(": closed without sending anything"));
        }
    }

    @Test
    void aSilentClientIsGivenUpAfterTheIdleTimeoutSoTheNextOneIsServed() throws Exception {
        RecordedLines out = new RecordedLines();
        try (TcpServer server = new TcpServer(Loopback.ipv4AnyPort(), out, Duration.ofMillis(200));
             Socket silent = new Socket()) {
            server.start();
            silent.connect(server.localAddress());
            TcpClient.run(server.localAddress(), new RecordedLines());
            out.await(line -> line.endsWith(": nothing in 0 s, giving up"));
            out.await(line -> line.endsWith(": \"hello serveur\\n\""));
        }
    }

    @Test
    void stopEndsTheServerEvenWithASilentClientConnected() throws Exception {
        RecordedLines out = new RecordedLines();
        TcpServer server = new TcpServer(Loopback.ipv4AnyPort(), out);
        server.start();
        try (Socket silent = new Socket()) {
            silent.connect(server.localAddress());
            out.await(line -> line.startsWith("connection from "));
            CompletableFuture.runAsync(server::stop).get(60, TimeUnit.SECONDS);
            assertTrue(Loopback.threadsNamed("tcp-server").isEmpty());
            silent.setSoTimeout(5000);
            assertEquals(-1, silent.getInputStream().read());
        }
    }

    @Test
    void theClientSendsHelloServeurInOneWriteThenCloses() throws Exception {
        try (ServerSocket fakeServer = new ServerSocket(0, 1, Loopback.ipv4AnyPort().getAddress())) {
            CompletableFuture<byte[]> received = CompletableFuture.supplyAsync(() -> {
                try (Socket connection = fakeServer.accept()) {
                    return connection.getInputStream().readAllBytes(); // until the client's FIN
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            });
            RecordedLines out = new RecordedLines();
            TcpClient.run((InetSocketAddress) fakeServer.getLocalSocketAddress(), out);
            // The lab: client.sendall(b"hello serveur\n"); client.close()
            assertArrayEquals("hello serveur\n".getBytes(StandardCharsets.US_ASCII), received.get(60, TimeUnit.SECONDS));
            out.await("sent 14 bytes: \"hello serveur\\n\"");
        }
    }

    @Test
    void theClientAndServerWorkOverIpv6() throws Exception {
        RecordedLines out = new RecordedLines();
        try (TcpServer server = new TcpServer(Loopback.ipv6AnyPort(), out)) {
            server.start();
            TcpClient.run(server.localAddress(), new RecordedLines());
            out.await(line -> line.matches("from \\[::1\\]:\\d+: \"hello serveur\\\\n\""));
        }
    }

    @Test
    void aRefusedConnectionIsOneLine() throws Exception {
        InetSocketAddress closed;
        try (ServerSocket probe = new ServerSocket(0, 1, Loopback.ipv4AnyPort().getAddress())) {
            closed = (InetSocketAddress) probe.getLocalSocketAddress();
        }
        ConnectException e = assertThrows(ConnectException.class, () -> TcpClient.run(closed, line -> { }));
        assertEquals("connection to 127.0.0.1:" + closed.getPort() + " refused: no server is listening on that"
                + " port (start one, or check --port)", e.getMessage());
    }

    @Test
    void aBusyPortIsOneClearLine() throws Exception {
        try (ServerSocket other = new ServerSocket(0, 1, Loopback.ipv4AnyPort().getAddress())) {
            TcpServer server = new TcpServer((InetSocketAddress) other.getLocalSocketAddress(), line -> { });
            PortInUseException e = assertThrows(PortInUseException.class, server::start);
            assertEquals("TCP port " + other.getLocalPort() + " on 127.0.0.1 is already in use by another"
                    + " program: stop it or choose another port with --port", e.getMessage());
        }
    }
}

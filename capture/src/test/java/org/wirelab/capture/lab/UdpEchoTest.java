package org.wirelab.capture.lab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class UdpEchoTest {

    @Test
    void theServerRepliesTheLabsBytesAndPrintsTheMessageAndTheClient() throws Exception {
        RecordedLines out = new RecordedLines();
        try (UdpEchoServer server = new UdpEchoServer(Loopback.ipv4AnyPort(), out);
             DatagramSocket client = new DatagramSocket(Loopback.ipv4AnyPort())) {
            server.start();
            client.setSoTimeout(5000);
            byte[] hello = "Hello from client".getBytes(StandardCharsets.US_ASCII);
            client.send(new DatagramPacket(hello, hello.length, server.localAddress()));
            DatagramPacket reply = new DatagramPacket(new byte[2048], 2048);
            client.receive(reply);

            // The lab's server: serveur.sendto(b"i am the server", address), from the port it listens on.
            assertArrayEquals("i am the server".getBytes(StandardCharsets.US_ASCII),
                    Arrays.copyOf(reply.getData(), reply.getLength()));
            assertEquals(server.localAddress(), reply.getSocketAddress());
            out.await("from 127.0.0.1:" + client.getLocalPort() + ": \"Hello from client\"");
            assertTrue(server.awaitHandled(1, RecordedLines.TIMEOUT));
        }
    }

    @Test
    void aDatagramLongerThanTheLabsReceiveSizeIsCutTo1024Bytes() throws Exception {
        RecordedLines out = new RecordedLines();
        try (UdpEchoServer server = new UdpEchoServer(Loopback.ipv4AnyPort(), out);
             DatagramSocket client = new DatagramSocket(Loopback.ipv4AnyPort())) {
            server.start();
            byte[] big = "a".repeat(1500).getBytes(StandardCharsets.US_ASCII);
            client.send(new DatagramPacket(big, big.length, server.localAddress()));
            out.await("from 127.0.0.1:" + client.getLocalPort() + ": \"" + "a".repeat(1024) + "\"");
        }
    }

    @Test
    void clientAndServerTalkOverIpv6() throws Exception {
        RecordedLines serverOut = new RecordedLines();
        RecordedLines clientOut = new RecordedLines();
        try (UdpEchoServer server = new UdpEchoServer(Loopback.ipv6AnyPort(), serverOut)) {
            server.start();
            byte[] reply = UdpEchoClient.run(server.localAddress(), clientOut);
            assertEquals("i am the server", new String(reply, StandardCharsets.US_ASCII));
            serverOut.await(line -> line.matches("from \\[::1\\]:\\d+: \"Hello from client\""));
            clientOut.await("reply from [::1]:" + server.localAddress().getPort() + ": \"i am the server\"");
        }
    }

    @Test
    void theClientSendsTheLabsBytesInOneDatagram() throws Exception {
        try (DatagramSocket fakeServer = new DatagramSocket(Loopback.ipv4AnyPort())) {
            fakeServer.setSoTimeout(5000);
            Thread answer = new Thread(() -> {
                try {
                    DatagramPacket request = new DatagramPacket(new byte[2048], 2048);
                    fakeServer.receive(request);
                    byte[] got = Arrays.copyOf(request.getData(), request.getLength());
                    byte[] reply = ("got " + new String(got, StandardCharsets.US_ASCII)).getBytes(StandardCharsets.US_ASCII);
                    fakeServer.send(new DatagramPacket(reply, reply.length, request.getSocketAddress()));
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            });
            answer.start();
            byte[] reply = UdpEchoClient.run((InetSocketAddress) fakeServer.getLocalSocketAddress(), new RecordedLines());
            answer.join();
            // The server echoes what it received, so the reply proves the exact bytes sent (the lab's b"Hello from client").
            assertEquals("got Hello from client", new String(reply, StandardCharsets.US_ASCII));
        }
    }

    @Test
    void aClientWithoutServerSaysThePortIsUnreachableInOneLine() throws Exception {
        InetSocketAddress closed;
        try (DatagramSocket probe = new DatagramSocket(Loopback.ipv4AnyPort())) {
            closed = (InetSocketAddress) probe.getLocalSocketAddress();
        }
        PortUnreachableException e = assertThrows(PortUnreachableException.class,
                () -> UdpEchoClient.run(closed, "x".getBytes(StandardCharsets.US_ASCII), Duration.ofSeconds(5), line -> { }));
        assertEquals("no UDP server on 127.0.0.1:" + closed.getPort()
                + " (the port is unreachable): start one, or check --port", e.getMessage());
    }

    @Test
    void aBusyPortIsOneClearLine() throws Exception {
        try (UdpEchoServer first = new UdpEchoServer(Loopback.ipv4AnyPort(), line -> { })) {
            first.start();
            int port = first.localAddress().getPort();
            UdpEchoServer second = new UdpEchoServer(first.localAddress(), line -> { });
            PortInUseException e = assertThrows(PortInUseException.class, second::start);
            assertEquals("UDP port " + port + " on 127.0.0.1 is already in use by another program:"
                    + " stop it or choose another port with --port", e.getMessage());
            assertFalse(e.getMessage().contains("\n"));
        }
    }

    @Test
    void stopClosesThePortAndEndsTheThread() throws Exception {
        UdpEchoServer server = new UdpEchoServer(Loopback.ipv4AnyPort(), line -> { });
        server.start();
        InetSocketAddress address = server.localAddress();
        server.stop();
        assertTrue(Loopback.threadsNamed("udp-echo-server").isEmpty());
        try (DatagramSocket again = new DatagramSocket(address)) {
            assertEquals(address.getPort(), again.getLocalPort());
        }
        server.stop();
    }
}

package org.wirelab.capture.lab;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The lab's TCP and UDP servers against clients that misbehave: whatever they send, the server holds at
 * most one read (the lab's 1024 bytes), prints it escaped, and serves the honest clients that come after.
 */
class TcpUdpHostileClientsTest {
    private static final int HONEST = 20;
    /**
     * Connections opened and dropped at once against the chat server: 3,000 in mvn verify (a few seconds),
     * more from bench/connect-and-drop.sh, which runs this test and the chat server's with -Dwirelab.dropped=N.
     */
    static final int DROPPED = Integer.getInteger("wirelab.dropped", 3000);
    /**
     * Against the TCP server, a third of them by default: it serves one client at a time with a backlog of
     * 50, as the lab's Python server does, so a flood's surplus waits for its SYNs to be sent again (a
     * second or more each on a loaded machine), which the test would only spend time on.
     */
    private static final int DROPPED_ONE_AT_A_TIME = Integer.getInteger("wirelab.dropped", 1000);

    @Test
    void theTcpServerServesEveryHonestClientWhateverTheOthersDo() throws Exception {
        RecordedLines out = new RecordedLines();
        try (TcpServer server = new TcpServer(Loopback.ipv4AnyPort(), out, Duration.ofMillis(300))) {
            server.start();
            InetSocketAddress address = server.localAddress();
            CompletableFuture<Void> hostile = CompletableFuture.runAsync(() -> attack(address));
            for (int i = 0; i < HONEST; i++) {
                RecordedLines client = new RecordedLines();
                TcpClient.run(address, ("honest " + i + "\n").getBytes(US_ASCII), client);
            }
            hostile.get(60, TimeUnit.SECONDS);
            for (int i = 0; i < HONEST; i++) {
                String printed = "\"honest " + i + "\\n\"";
                out.await(line -> line.endsWith(": " + printed));
            }
            assertOnlyPrintableLines(out);
        }
    }

    @Test
    void thousandsOfConnectionsOpenedAndDroppedCostTheHonestClientsNothing() throws Exception {
        RecordedLines out = new RecordedLines();
        try (TcpServer server = new TcpServer(Loopback.ipv4AnyPort(), out, Duration.ofSeconds(5))) {
            server.start();
            InetSocketAddress address = server.localAddress();
            CompletableFuture<Void> dropping = CompletableFuture.runAsync(
                    () -> connectAndDrop(address, DROPPED_ONE_AT_A_TIME));
            for (int i = 0; i < HONEST; i++) {
                TcpClient.run(address, ("honest " + i + "\n").getBytes(US_ASCII), new RecordedLines());
            }
            dropping.get(300, TimeUnit.SECONDS);
            // Still up once the storm is over: the next client is served as the first was.
            TcpClient.run(address, "after the storm\n".getBytes(US_ASCII), new RecordedLines());
            for (int i = 0; i < HONEST; i++) {
                String printed = "\"honest " + i + "\\n\"";
                out.await(line -> line.endsWith(": " + printed));
            }
            out.await(line -> line.endsWith(": \"after the storm\\n\""));
            long all = DROPPED_ONE_AT_A_TIME + HONEST + 1;
            assertTrue(server.awaitHandled(all, Duration.ofSeconds(60)), server.handled() + " of " + all
                    + " connections served and closed");
            assertOnlyPrintableLines(out);
        }
    }

    /**
     * Opens {@code count} connections and drops each at once, in turn: a reset, a polite close with
     * nothing sent, half a message and a close.
     */
    static void connectAndDrop(InetSocketAddress address, int count) {
        for (int i = 0; i < count; i++) {
            try (Socket dropped = new Socket(address.getAddress(), address.getPort())) {
                if (i % 3 == 0) {
                    dropped.setSoLinger(true, 0);
                } else if (i % 3 == 2) {
                    dropped.getOutputStream().write("half a mess".getBytes(US_ASCII));
                }
            } catch (IOException e) {
                throw new IllegalStateException("connection " + i + " of " + count, e);
            }
        }
    }

    /** A megabyte with no line end, binary garbage, a silent client and 500 connections reset at once. */
    private static void attack(InetSocketAddress address) {
        try {
            try (Socket endless = new Socket(address.getAddress(), address.getPort())) {
                endless.getOutputStream().write("y".repeat(1 << 20).getBytes(US_ASCII));
            } catch (IOException cut) {
                // The server reads its 1024 bytes and closes: the rest of the megabyte meets a reset.
            }
            byte[] garbage = new byte[1024];
            new Random(11).nextBytes(garbage);
            try (Socket noisy = new Socket(address.getAddress(), address.getPort())) {
                noisy.getOutputStream().write(garbage);
            }
            try (Socket silent = new Socket(address.getAddress(), address.getPort())) {
                silent.setSoTimeout(10_000);
                silent.getInputStream().read();   // the server gives up on it after its idle timeout
            }
            for (int i = 0; i < 500; i++) {
                try (Socket dropped = new Socket(address.getAddress(), address.getPort())) {
                    dropped.setSoLinger(true, 0);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theUdpServerAnswersEveryHonestDatagramAmongOversizedGarbage() throws Exception {
        RecordedLines out = new RecordedLines();
        Random random = new Random(5);
        try (UdpEchoServer server = new UdpEchoServer(Loopback.ipv4AnyPort(), out);
             DatagramSocket hostile = new DatagramSocket(Loopback.ipv4AnyPort());
             DatagramSocket honest = new DatagramSocket(Loopback.ipv4AnyPort())) {
            server.start();
            honest.setSoTimeout(10_000);
            hostile.setSoTimeout(10_000);
            for (int i = 0; i < HONEST; i++) {
                // Between two honest requests, garbage up to the largest datagram UDP carries over IPv4, one
                // at a time: a burst of them would only fill the kernel's buffer, where UDP may drop any datagram.
                for (int g = 0; g < 10; g++) {
                    byte[] garbage = new byte[random.nextInt(65_507) + 1];
                    random.nextBytes(garbage);
                    hostile.send(new DatagramPacket(garbage, garbage.length, server.localAddress()));
                    hostile.receive(new DatagramPacket(new byte[2048], 2048));
                }
                byte[] request = ("honest " + i).getBytes(US_ASCII);
                honest.send(new DatagramPacket(request, request.length, server.localAddress()));
                DatagramPacket reply = new DatagramPacket(new byte[2048], 2048);
                honest.receive(reply);
                assertEquals(UdpEchoServer.REPLY, new String(reply.getData(), 0, reply.getLength(), US_ASCII));
                out.await("from 127.0.0.1:" + honest.getLocalPort() + ": \"honest " + i + "\"");
            }
            // What the server printed of a datagram is at most its 1024 bytes, each written as \xNN at worst.
            assertTrue(out.all().stream().allMatch(line -> line.length() < 64 + 4 * UdpEchoServer.MAX_MESSAGE));
            assertOnlyPrintableLines(out);
        }
    }

    private static void assertOnlyPrintableLines(RecordedLines out) {
        for (String line : out.all()) {
            assertTrue(line.chars().allMatch(c -> c >= 0x20 && c != 0x7f && (c < 0x80 || c > 0x9f)),
                    "a control character reached the server's output: " + PrintableText.quoted(line.getBytes(US_ASCII)));
        }
    }
}

package org.wirelab.cli.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wirelab.capture.lab.ChatServer;
import org.wirelab.capture.lab.TcpClient;
import org.wirelab.capture.lab.TcpServer;
import org.wirelab.capture.lab.UdpEchoClient;
import org.wirelab.capture.lab.UdpEchoServer;
import org.wirelab.capture.live.CaptureAvailability;
import org.wirelab.capture.live.CaptureSettings;
import org.wirelab.capture.live.FrameSink;
import org.wirelab.capture.live.LiveCapture;
import org.wirelab.core.analysis.CaptureAnalysis;
import org.wirelab.core.check.Check;
import org.wirelab.core.check.CheckReport;
import org.wirelab.core.check.LabChecks;
import org.wirelab.core.check.LabStep;
import org.wirelab.core.frame.FrameStore;
import org.wirelab.core.scenario.LabProtocol;
import org.wirelab.core.testing.Environment;
import org.wirelab.core.testing.FramesSeen;
import org.wirelab.core.testing.LabPrograms;

/**
 * The lab checks on real runs captured live on the loopback, on free ports: the lab's own Python
 * programs and wirelab's Java ones pass; runs made wrong on purpose fail with the right reason.
 */
class LabRunsCheckedLiveTest {
    private static final InetAddress LOCALHOST = InetAddress.getLoopbackAddress();
    /** For the Java servers' own counts: a machine twenty times slower than a quiet one still makes it. */
    private static final Duration WAIT = FramesSeen.WAIT;

    @TempDir
    Path dir;

    @BeforeEach
    void requireCapture() {
        CaptureAvailability.check().ifPresent(problem -> Environment.missing(problem.message()));
    }

    /**
     * A run of programs while the capture runs. It ends once the capture shows what the check needs
     * ({@link FramesSeen#await}): the capture stops right after, and a program that closes a moment
     * later on a busy machine would otherwise close after the capture.
     */
    interface Run {
        void run(FramesSeen seen) throws Exception;
    }

    /** Captures TCP and UDP on {@code port} and ICMP errors while {@code run} runs, then checks {@code step}. */
    private static CheckReport checked(LabStep step, int port, Run run) throws Exception {
        FrameStore frames = new FrameStore();
        FramesSeen seen = new FramesSeen();
        try (LiveCapture capture = LiveCapture.open(CaptureSettings.of(CaptureSettings.LOOPBACK,
                CaptureSettings.portFilter(port) + " or icmp"))) {
            capture.start(FrameSink.into(frames).andThen(seen::frame));
            run.run(seen);
            capture.stop();
        }
        return LabChecks.run(CaptureAnalysis.of(frames), step, port, Locale.ENGLISH);
    }

    private static void assertPassed(CheckReport report) {
        assertTrue(report.passed(), LabChecks.text(report, Locale.ENGLISH));
    }

    private static Check check(CheckReport report, String id) {
        return report.checks().stream().filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no check " + id + " in " + LabChecks.text(report, Locale.ENGLISH)));
    }

    private static void assertFailedWith(CheckReport report, String id, String reason) {
        Check check = check(report, id);
        String text = LabChecks.text(report, Locale.ENGLISH);
        assertFalse(check.passed(), text);
        assertTrue(check.detail().contains(reason), "expected \"" + reason + "\" in: " + text);
        assertFalse(report.passed(), text);
    }

    private static int freeUdpPort() throws IOException {
        try (DatagramSocket socket = new DatagramSocket(0, LOCALHOST)) {
            return socket.getLocalPort();
        }
    }

    private static int freeTcpPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, LOCALHOST)) {
            return socket.getLocalPort();
        }
    }

    /** Waits until the capture shows {@code count} connections on {@code port} over (closed both ways, or reset). */
    private static void awaitOver(FramesSeen seen, int port, int count) throws InterruptedException {
        seen.await(count + " connection(s) on port " + port + " over", FramesSeen.tcpConnectionsOver(port, count));
    }

    // UDP

    @Test
    void theLabsPythonUdpClientAndServerPass() throws Exception {
        int port = freeUdpPort();
        try (LabPrograms.Running server = LabPrograms.start(LabPrograms.udpServer(port), dir)) {
            server.awaitLine(line -> line.startsWith("Serveur UDP en écoute sur " + port));
            CheckReport report = checked(LabStep.UDP, port, seen -> {
                try (LabPrograms.Running client = LabPrograms.start(LabPrograms.udpClient(port), dir)) {
                    client.awaitLine(line -> line.equals("Message du serveur :  i am the server"));
                    client.awaitExit();
                }
            });
            assertPassed(report);
            assertTrue(check(report, "udp.request").detail().contains("\"Hello from client\", 17 bytes"));
            assertTrue(check(report, "udp.text").detail().startsWith("the server replied \"i am the server\" (15 bytes"));
        }
    }

    @Test
    void wirelabsJavaUdpProgramsPass() throws Exception {
        try (UdpEchoServer server = new UdpEchoServer(new InetSocketAddress(LOCALHOST, 0), line -> { })) {
            server.start();
            int port = server.localAddress().getPort();
            assertPassed(checked(LabStep.UDP, port, seen -> UdpEchoClient.run(server.localAddress(), line -> { })));
        }
    }

    @Test
    void aClosedUdpPortIsAnIcmpPortUnreachableNothingListened() throws Exception {
        int port = freeUdpPort();
        CheckReport report = checked(LabStep.UDP, port, seen -> {
            // The lab's client waits for a reply forever in recv: it is stopped once the error came back.
            try (LabPrograms.Running client = LabPrograms.start(LabPrograms.udpClient(port), dir)) {
                seen.await("the kernel's port unreachable", FramesSeen.portUnreachable(port));
            }
        });
        assertFailedWith(report, "udp.reply", "in answer to the datagram of frame 1: nothing listened on UDP port " + port);
        assertTrue(check(report, "udp.request").passed());
    }

    // TCP

    @Test
    void theLabsPythonTcpClientAndServerPass() throws Exception {
        int port = freeTcpPort();
        try (LabPrograms.Running server = LabPrograms.start(LabPrograms.tcpServer(port), dir)) {
            server.awaitListening(port);
            CheckReport report = checked(LabStep.TCP, port, seen -> {
                try (LabPrograms.Running client = LabPrograms.start(LabPrograms.tcpClient(port), dir)) {
                    client.awaitExit();
                }
                server.awaitLine(line -> line.startsWith("IP client connecté"));
                awaitOver(seen, port, 1);
            });
            assertPassed(report);
            assertTrue(check(report, "tcp.message").detail().startsWith(
                    "the client's message arrived whole, \"hello serveur\\n\" (14 bytes in frame 4)"));
        }
    }

    @Test
    void wirelabsJavaTcpProgramsPass() throws Exception {
        try (TcpServer server = new TcpServer(new InetSocketAddress(LOCALHOST, 0), line -> { })) {
            server.start();
            int port = server.localAddress().getPort();
            CheckReport report = checked(LabStep.TCP, port, seen -> {
                TcpClient.run(server.localAddress(), line -> { });
                assertTrue(server.awaitHandled(1, WAIT));
                awaitOver(seen, port, 1);
            });
            assertPassed(report);
        }
    }

    @Test
    void aClientStartedBeforeItsServerIsRefused() throws Exception {
        int port = freeTcpPort();
        CheckReport report = checked(LabStep.TCP, port, seen -> {
            try (LabPrograms.Running client = LabPrograms.start(LabPrograms.tcpClient(port), dir)) {
                client.awaitLine(line -> line.contains("ConnectionRefusedError"));
                client.awaitExit();
            }
        });
        assertFailedWith(report, "tcp.handshake", "connection refused: the SYN (frame 1) was answered by a RST (frame 2):"
                + " nothing listened on port " + port);
    }

    @Test
    void aClientThatSendsNothingFailsTheMessageCheck() throws Exception {
        try (TcpServer server = new TcpServer(new InetSocketAddress(LOCALHOST, 0), line -> { })) {
            server.start();
            int port = server.localAddress().getPort();
            CheckReport report = checked(LabStep.TCP, port, seen -> {
                try (Socket silent = new Socket(LOCALHOST, port)) {
                    silent.shutdownOutput();
                    silent.getInputStream().readAllBytes();
                }
                assertTrue(server.awaitHandled(1, WAIT));
                awaitOver(seen, port, 1);
            });
            assertTrue(check(report, "tcp.handshake").passed());
            assertFailedWith(report, "tcp.message", "the client connected but sent no data before the connection ended");
        }
    }

    // Chat

    @Test
    void theLabsPythonChatClientsPassWithTheJavaServerAndLeaveWithQuit() throws Exception {
        try (ChatServer server = new ChatServer(new InetSocketAddress(LOCALHOST, 0), line -> { })) {
            server.start();
            int port = server.localAddress().getPort();
            CheckReport report = checked(LabStep.CHAT, port, seen -> {
                try (LabPrograms.Running alice = joined(port, 0); LabPrograms.Running bob = joined(port, 1)) {
                    alice.type("bonjour");
                    alice.awaitLine(">>bonjour"::equals);
                    bob.awaitLine(">>bonjour"::equals);
                    bob.type("salut");
                    alice.awaitLine(">>salut"::equals);
                    bob.awaitLine(">>salut"::equals);
                    bob.type("quit");
                    bob.awaitExit();
                    alice.awaitLine(">>quit"::equals);
                    assertTrue(server.awaitHandled(1, WAIT));
                    alice.type("quit");
                    alice.awaitExit();
                    assertTrue(server.awaitHandled(2, WAIT));
                    awaitOver(seen, port, 2);
                }
            });
            assertPassed(report);
            assertEquals(2, report.checks().stream().filter(c -> c.id().equals("chat.joined")).count());
            assertEquals(4, report.checks().stream().filter(c -> c.id().equals("chat.message")).count(),
                    "bonjour, salut and two quits; the numbers sent after quit are not messages");
        }
    }

    /**
     * What the lab's client does on a busy machine: it sends quit and its number and ends at once,
     * before reading the server's answer (here a Java socket that never reads after its number). When the
     * answer had arrived unread, its kernel resets the connection; when the socket closed before it came,
     * the client sends a FIN. Which one happens is the machine's timing; either way the check sees a
     * client that quit, and a reset is explained as such.
     */
    @Test
    void aClientThatEndsRightAfterQuitLeftWithQuit() throws Exception {
        try (ChatServer server = new ChatServer(new InetSocketAddress(LOCALHOST, 0), line -> { })) {
            server.start();
            int port = server.localAddress().getPort();
            CheckReport report = checked(LabStep.CHAT, port, seen -> {
                try (Socket client = new Socket(LOCALHOST, port)) {
                    assertEquals('0', client.getInputStream().read(), "the server sends the client its number");
                    client.getOutputStream().write("quit".getBytes(StandardCharsets.US_ASCII));
                    client.getOutputStream().write("0".getBytes(StandardCharsets.US_ASCII));
                }
                assertTrue(server.awaitHandled(1, WAIT));
                awaitOver(seen, port, 1);
            });
            String text = LabChecks.text(report, Locale.ENGLISH);
            assertPassed(report);
            String left = check(report, "chat.left").detail();
            assertTrue(left.startsWith("typed quit (frame "), text);
            if (left.contains("RST")) {
                assertTrue(left.matches("typed quit \\(frame \\d+\\), and its program ended"
                        + " without reading the server's answer \\(frame \\d+\\), so its system closed the connection with a"
                        + " RST \\(frame \\d+\\) rather than a FIN: .*"), text);
            }
        }
    }

    @Test
    void theLabsOwnChatServerAndClientsPassWhileEveryoneIsConnected() throws Exception {
        int port = freeTcpPort();
        List<LabPrograms.Running> clients = new java.util.ArrayList<>();
        try (LabPrograms.Running server = startLabChatServer(port)) {
            CheckReport report = checked(LabStep.CHAT, port, seen -> {
                LabPrograms.Running alice = joined(port, 0);
                clients.add(alice);
                LabPrograms.Running bob = joined(port, 1);
                clients.add(bob);
                // The lab's server sends a client its number before adding it to the list it broadcasts
                // to, and prints its thread count after: a message typed before that would miss bob. Its
                // client thread prints too, and Python writes a line's text and its end separately, so
                // the count may share its line with the thread's "connection ...".
                server.awaitLine(line -> line.matches("Thread Number: 2(\\D.*)?"));
                alice.type("bonjour");
                // Both printed the broadcast: it is on the wire, and the capture's stop waits for it.
                bob.awaitLine(">>bonjour"::equals);
                alice.awaitLine(">>bonjour"::equals);
            });
            // The clients are stopped after the capture: both are still connected in it.
            assertPassed(report);
            assertTrue(check(report, "chat.left").detail().equals("still connected when the capture stopped"));
        } finally {
            for (LabPrograms.Running client : clients) {
                client.close();
            }
        }
    }

    /**
     * The lab's own server after a client's quit: it never closes the session, and relays the empty reads
     * of the closed connection. The client is a Java socket doing what the lab's client does (quit, its
     * number, close its side), but it reads on until the server has relayed an empty message to it, so
     * that the bug is in the capture however late the lab's Python server gets to it. (A client that
     * closed before would reset the relay of its quit, and the lab's server thread would die on that
     * reset without ever relaying an empty message.)
     */
    @Test
    void theLabsQuitBugShowsWithTheLabsOwnServer() throws Exception {
        int port = freeTcpPort();
        byte[] emptyRelay = LabProtocol.chatBroadcast("").getBytes(StandardCharsets.US_ASCII);
        try (LabPrograms.Running server = startLabChatServer(port)) {
            CheckReport report = checked(LabStep.CHAT, port, seen -> {
                try (Socket client = new Socket(LOCALHOST, port)) {
                    InputStream in = client.getInputStream();
                    assertEquals('0', in.read(), "the lab's server sends the client its number");
                    OutputStream out = client.getOutputStream();
                    out.write("quit".getBytes(StandardCharsets.US_ASCII));
                    out.write("0".getBytes(StandardCharsets.US_ASCII));
                    client.shutdownOutput();
                    client.setSoTimeout((int) WAIT.toMillis());
                    ByteArrayOutputStream received = new ByteArrayOutputStream();
                    byte[] buffer = new byte[65_536];
                    while (!new String(received.toByteArray(), StandardCharsets.US_ASCII)
                            .contains(new String(emptyRelay, StandardCharsets.US_ASCII))) {
                        int n = in.read(buffer);
                        assertTrue(n > 0, "the lab's server closed instead of relaying empty messages: " + received);
                        received.write(buffer, 0, n);
                    }
                }
            });
            assertFailedWith(report, "chat.left", "That is the lab's quit bug");
            assertTrue(check(report, "chat.left").detail().startsWith("typed quit (frame "), LabChecks.text(report, Locale.ENGLISH));
        }
    }

    @Test
    void aChatClientKilledMidSessionLeftWithoutQuit() throws Exception {
        List<LabPrograms.Running> staying = new java.util.ArrayList<>();
        try (ChatServer server = new ChatServer(new InetSocketAddress(LOCALHOST, 0), line -> { })) {
            server.start();
            int port = server.localAddress().getPort();
            CheckReport report = checked(LabStep.CHAT, port, seen -> {
                LabPrograms.Running alice = joined(port, 0);
                staying.add(alice);
                try (LabPrograms.Running bob = joined(port, 1)) {
                    bob.type("salut");
                    alice.awaitLine(">>salut"::equals);
                    bob.awaitLine(">>salut"::equals);
                    bob.kill();
                    assertTrue(server.awaitHandled(1, WAIT));
                    awaitOver(seen, port, 1);
                }
            });
            List<Check> left = report.checks().stream().filter(c -> c.id().equals("chat.left")).toList();
            String text = LabChecks.text(report, Locale.ENGLISH);
            assertTrue(left.get(0).passed(), text);
            assertFalse(left.get(1).passed(), text);
            assertTrue(left.get(1).detail().startsWith("left without typing quit") || left.get(1).detail().startsWith(
                    "the client aborted its connection with a RST"), text);
            assertFalse(report.passed(), text);
        } finally {
            for (LabPrograms.Running client : staying) {
                client.close();
            }
        }
    }

    /** The lab's server prints "Waiting for a Connection.." just before listen(): wait for listen() itself. */
    private LabPrograms.Running startLabChatServer(int port) throws Exception {
        LabPrograms.Running server = LabPrograms.start(LabPrograms.chatServer(port), dir);
        server.awaitListening(port);
        return server;
    }

    /** The lab's Python chat client, connected and told its number. */
    private LabPrograms.Running joined(int port, int number) throws Exception {
        LabPrograms.Running client = LabPrograms.start(LabPrograms.chatClient(port), dir);
        client.awaitLine("connected to Server !"::equals);
        client.awaitLine(("myNumber client received :  " + number)::equals);
        return client;
    }
}

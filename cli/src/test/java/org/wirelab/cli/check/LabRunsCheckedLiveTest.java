package org.wirelab.cli.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
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
import org.wirelab.core.testing.Environment;
import org.wirelab.core.testing.LabPrograms;

/**
 * The lab checks on real runs captured live on the loopback, on free ports: the lab's own Python
 * programs and wirelab's Java ones pass; runs made wrong on purpose fail with the right reason.
 */
class LabRunsCheckedLiveTest {
    private static final InetAddress LOCALHOST = InetAddress.getLoopbackAddress();
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Duration QUIET = Duration.ofMillis(500);
    /** When the capture last delivered a frame (System.nanoTime). */
    private static final java.util.concurrent.atomic.AtomicLong LAST_FRAME = new java.util.concurrent.atomic.AtomicLong();

    @TempDir
    Path dir;

    @BeforeEach
    void requireCapture() {
        CaptureAvailability.check().ifPresent(problem -> Environment.missing(problem.message()));
    }

    interface Run {
        void run() throws Exception;
    }

    /** Captures TCP and UDP on {@code port} and ICMP errors while {@code run} runs, then checks {@code step}. */
    private static CheckReport checked(LabStep step, int port, Run run) throws Exception {
        FrameStore frames = new FrameStore();
        try (LiveCapture capture = LiveCapture.open(CaptureSettings.of(CaptureSettings.LOOPBACK,
                CaptureSettings.portFilter(port) + " or icmp"))) {
            capture.start(FrameSink.into(frames).andThen((time, link, bytes, offset, captured, original) ->
                    LAST_FRAME.set(System.nanoTime())));
            run.run();
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

    /**
     * Waits until the loopback has been quiet for a moment, so that a program's last close (a FIN, its
     * ACK) is on the wire before the capture stops, however busy the machine.
     */
    private static void settle() throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() - LAST_FRAME.get() < QUIET.toNanos() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    // UDP

    @Test
    void theLabsPythonUdpClientAndServerPass() throws Exception {
        int port = freeUdpPort();
        try (LabPrograms.Running server = LabPrograms.start(LabPrograms.udpServer(port), dir)) {
            server.awaitLine(line -> line.startsWith("Serveur UDP en écoute sur " + port));
            CheckReport report = checked(LabStep.UDP, port, () -> {
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
            assertPassed(checked(LabStep.UDP, port, () -> UdpEchoClient.run(server.localAddress(), line -> { })));
        }
    }

    @Test
    void aClosedUdpPortIsAnIcmpPortUnreachableNothingListened() throws Exception {
        int port = freeUdpPort();
        CheckReport report = checked(LabStep.UDP, port, () -> {
            // The lab's client waits for a reply forever in recv: it is stopped once the error came back.
            try (LabPrograms.Running client = LabPrograms.start(LabPrograms.udpClient(port), dir)) {
                Thread.sleep(500);
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
            awaitListening(port, server);
            CheckReport report = checked(LabStep.TCP, port, () -> {
                try (LabPrograms.Running client = LabPrograms.start(LabPrograms.tcpClient(port), dir)) {
                    client.awaitExit();
                }
                server.awaitLine(line -> line.startsWith("IP client connecté"));
                settle();
            });
            assertPassed(report);
            assertTrue(check(report, "tcp.message").detail().startsWith(
                    "the client's message arrived whole, \"hello serveur\\n\" (14 bytes in frame 4)"));
        }
    }

    /**
     * The lab's server prints nothing when it starts: a first connection, before the capture, proves it
     * listens (the server reads it, prints an empty line and the address, and closes it).
     */
    private static void awaitListening(int port, LabPrograms.Running server) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            try (Socket probe = new Socket(LOCALHOST, port)) {
                break;
            } catch (IOException notYet) {
                if (System.nanoTime() > deadline) {
                    throw notYet;
                }
                Thread.sleep(50);
            }
        }
        server.awaitLine(line -> line.startsWith("IP client connecté"));
    }

    @Test
    void wirelabsJavaTcpProgramsPass() throws Exception {
        try (TcpServer server = new TcpServer(new InetSocketAddress(LOCALHOST, 0), line -> { })) {
            server.start();
            CheckReport report = checked(LabStep.TCP, server.localAddress().getPort(), () -> {
                TcpClient.run(server.localAddress(), line -> { });
                assertTrue(server.awaitHandled(1, WAIT));
                settle();
            });
            assertPassed(report);
        }
    }

    @Test
    void aClientStartedBeforeItsServerIsRefused() throws Exception {
        int port = freeTcpPort();
        CheckReport report = checked(LabStep.TCP, port, () -> {
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
            CheckReport report = checked(LabStep.TCP, server.localAddress().getPort(), () -> {
                try (Socket silent = new Socket(LOCALHOST, server.localAddress().getPort())) {
                    silent.shutdownOutput();
                    silent.getInputStream().readAllBytes();
                }
                assertTrue(server.awaitHandled(1, WAIT));
                settle();
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
            CheckReport report = checked(LabStep.CHAT, port, () -> {
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
                    settle();
                }
            });
            assertPassed(report);
            assertEquals(2, report.checks().stream().filter(c -> c.id().equals("chat.joined")).count());
            assertEquals(4, report.checks().stream().filter(c -> c.id().equals("chat.message")).count(),
                    "bonjour, salut and two quits; the numbers sent after quit are not messages");
        }
    }

    @Test
    void theLabsOwnChatServerAndClientsPassWhileEveryoneIsConnected() throws Exception {
        int port = freeTcpPort();
        List<LabPrograms.Running> clients = new java.util.ArrayList<>();
        try (LabPrograms.Running server = startLabChatServer(port)) {
            CheckReport report = checked(LabStep.CHAT, port, () -> {
                LabPrograms.Running alice = joined(port, 0);
                clients.add(alice);
                LabPrograms.Running bob = joined(port, 1);
                clients.add(bob);
                alice.type("bonjour");
                bob.awaitLine(">>bonjour"::equals);
                alice.awaitLine(">>bonjour"::equals);
                settle();
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
     * number, close its side), but it goes on reading for a moment, so that the client's kernel answers
     * FIN rather than RST whatever the timing, and the bug always shows.
     */
    @Test
    void theLabsQuitBugShowsWithTheLabsOwnServer() throws Exception {
        int port = freeTcpPort();
        try (LabPrograms.Running server = startLabChatServer(port)) {
            CheckReport report = checked(LabStep.CHAT, port, () -> {
                try (Socket client = new Socket(LOCALHOST, port)) {
                    java.io.InputStream in = client.getInputStream();
                    assertEquals('0', in.read(), "the lab's server sends the client its number");
                    java.io.OutputStream out = client.getOutputStream();
                    out.write("quit".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                    Thread.sleep(100);
                    out.write("0".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                    Thread.sleep(100);
                    client.shutdownOutput();
                    client.setSoTimeout(200);
                    long until = System.nanoTime() + Duration.ofMillis(300).toNanos();
                    byte[] buffer = new byte[65_536];
                    while (System.nanoTime() < until) {
                        try {
                            if (in.read(buffer) < 0) {
                                break;
                            }
                        } catch (java.net.SocketTimeoutException quiet) {
                            break;
                        }
                    }
                }
                settle();
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
            CheckReport report = checked(LabStep.CHAT, port, () -> {
                LabPrograms.Running alice = joined(port, 0);
                staying.add(alice);
                try (LabPrograms.Running bob = joined(port, 1)) {
                    bob.type("salut");
                    alice.awaitLine(">>salut"::equals);
                    bob.awaitLine(">>salut"::equals);
                    bob.kill();
                    assertTrue(server.awaitHandled(1, WAIT));
                    settle();
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

    private LabPrograms.Running startLabChatServer(int port) throws Exception {
        LabPrograms.Running server = LabPrograms.start(LabPrograms.chatServer(port), dir);
        server.awaitLine(line -> line.startsWith("Waiting for a Connection"));
        // The lab's server prints that line just before listen(): give listen() its moment.
        Thread.sleep(300);
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

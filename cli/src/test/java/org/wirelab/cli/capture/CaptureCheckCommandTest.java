package org.wirelab.cli.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wirelab.capture.lab.TcpClient;
import org.wirelab.capture.lab.TcpServer;
import org.wirelab.capture.live.CaptureAvailability;
import org.wirelab.cli.Main;
import org.wirelab.core.testing.Environment;

/** {@code wirelab capture --port P --check STEP}: the checks are printed when the capture stops. */
class CaptureCheckCommandTest {
    private static final InetAddress LOCALHOST = InetAddress.getLoopbackAddress();

    @TempDir
    Path dir;

    @BeforeEach
    void requireCapture() {
        CaptureAvailability.check().ifPresent(problem -> Environment.missing(problem.message()));
    }

    private record Captured(int exitCode, String out, String err) {
    }

    /**
     * Runs {@code capture ... --duration 10s} in the background while {@code traffic} runs: long enough
     * for the step and its teardown on a machine twenty times slower than a quiet one.
     */
    private Captured capture(int port, String step, Runnable traffic) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var commandLine = Main.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> commandLine.execute("capture",
                "--port", String.valueOf(port), "--duration", "10s", "--check", step,
                "--out", dir.resolve("run.pcap").toString()));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!err.toString().contains("capturing on lo")) {
            assertTrue(System.nanoTime() < deadline, "the capture never started: " + err);
            Thread.sleep(10);
        }
        traffic.run();
        int code = exit.get(60, TimeUnit.SECONDS);
        return new Captured(code, out.toString(), err.toString());
    }

    @Test
    void aTcpStepDoneRightPrintsItsChecksAndExitsZero() throws Exception {
        try (TcpServer server = new TcpServer(new InetSocketAddress(LOCALHOST, 0), line -> { })) {
            server.start();
            Captured run = capture(server.localAddress().getPort(), "tcp", () -> {
                try {
                    TcpClient.run(server.localAddress(), line -> { });
                    assertTrue(server.awaitHandled(1, Duration.ofSeconds(60)));
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            });
            assertEquals(0, run.exitCode(), run.out() + run.err());
            assertTrue(run.out().startsWith("Checks of the TCP step of the lab, server port " + server.localAddress().getPort()),
                    run.out());
            assertTrue(run.out().contains("[pass] client's message: the client's message arrived whole, \"hello serveur\\n\""),
                    run.out());
            assertTrue(run.out().endsWith("Verdict: step done right (3 checks of 3 passed)\n"), run.out());
        }
    }

    @Test
    void aUdpDatagramToAClosedPortIsCheckedWithItsIcmpErrorAndExitsOne() throws Exception {
        int port;
        try (DatagramSocket probe = new DatagramSocket(0, LOCALHOST)) {
            port = probe.getLocalPort();
        }
        Captured run = capture(port, "udp", () -> {
            try (DatagramSocket client = new DatagramSocket(0, LOCALHOST)) {
                byte[] message = "Hello from client".getBytes(StandardCharsets.US_ASCII);
                client.send(new DatagramPacket(message, message.length, new InetSocketAddress(LOCALHOST, port)));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        assertEquals(1, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("[FAIL] server's reply: ICMP port unreachable (frame 2) in answer to the datagram of"
                + " frame 1: nothing listened on UDP port " + port), run.out());
    }

    @Test
    void checkGoesWithPortNotWithAScenario() {
        StringWriter err = new StringWriter();
        var commandLine = Main.commandLine();
        commandLine.setErr(new PrintWriter(err, true));
        int exit = commandLine.execute("capture", "--scenario", "tcp-hello", "--check", "tcp", "--out",
                dir.resolve("x.pcap").toString());
        assertEquals(1, exit, err.toString());
        assertTrue(err.toString().contains("--check goes with --port"), err.toString());
    }
}

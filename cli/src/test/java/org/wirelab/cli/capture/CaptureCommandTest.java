package org.wirelab.cli.capture;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wirelab.capture.live.CaptureAvailability;
import org.wirelab.cli.Main;
import org.wirelab.core.testing.Environment;
import org.wirelab.core.testing.Tshark;

/** {@code wirelab capture --port}: real loopback traffic, the written file read back by tshark. */
class CaptureCommandTest {
    /** libpcap's counts; dumpcap's (a user who captures through it) are checked by CaptureThroughDumpcapTest. */
    private static final Pattern COUNTS = Pattern.compile(
            "lo: (\\d+) frames? captured; libpcap received (\\d+) \\(lo counts each frame twice, and wirelab's"
            + " (\\d+) readiness datagrams\\),"
            + " dropped 0;"
            + " written to (.*)");
    private static final InetAddress LOCALHOST = InetAddress.getLoopbackAddress();

    /**
     * Long enough for the exchange and its teardown to happen inside it on a machine twenty times
     * slower than a quiet one: the test's threads load their classes after the capture has started.
     */
    private static final String WINDOW = "10s";

    @TempDir
    Path dir;

    @Test
    void capturesATcpExchangeForTheGivenDurationAndPrintsLibpcapsCounts() throws Exception {
        requireCapture();
        Path file = dir.resolve("lab.pcap");
        StringWriter err = new StringWriter();
        try (ServerSocket server = new ServerSocket(0, 1, LOCALHOST)) {
            int port = server.getLocalPort();
            var commandLine = Main.commandLine();
            commandLine.setOut(new PrintWriter(new StringWriter(), true));
            commandLine.setErr(new PrintWriter(err, true));
            CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> commandLine.execute("capture",
                    "--port", String.valueOf(port), "--duration", WINDOW, "--out", file.toString()));
            awaitLine(err, "capturing on lo (port " + port + ") into " + file + " for 10 s");
            try (Socket client = new Socket(LOCALHOST, port); Socket accepted = server.accept()) {
                client.getOutputStream().write("hello serveur\n".getBytes(US_ASCII));
                client.shutdownOutput();
                accepted.getInputStream().readAllBytes();
            }
            assertEquals(0, exit.get(60, TimeUnit.SECONDS), err.toString());
        }
        Matcher counts = COUNTS.matcher(err.toString().lines().reduce((first, last) -> last).orElseThrow());
        assertTrue(counts.matches(), err.toString());
        int frames = Integer.parseInt(counts.group(1));
        List<String[]> rows = Tshark.fields(file, List.of("tcp.flags", "tcp.payload"));
        assertEquals(frames, rows.size() - 1, "the count printed is the count written");
        assertEquals(List.of("0x0002", "0x0012", "0x0010", "0x0018"),
                rows.subList(1, 5).stream().map(row -> row[0]).toList(), "handshake then data");
        assertEquals("68656c6c6f2073657276657572 0a".replace(" ", ""), rows.get(4)[1].replace(":", ""));
        assertEquals(2 * (frames + Long.parseLong(counts.group(3))), Long.parseLong(counts.group(2)), err.toString());
    }

    @Test
    void aTerminatedCaptureKeepsEveryFrameAlreadyCapturedAndStillPrintsItsCounts() throws Exception {
        requireCapture();
        Path file = dir.resolve("interrupted.pcap");
        try (DatagramSocket client = new DatagramSocket(0, LOCALHOST); DatagramSocket target = new DatagramSocket(0, LOCALHOST)) {
            int port = target.getLocalPort();
            List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                    "capture", "--port", String.valueOf(port), "--out", file.toString());
            Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
            String first = err.readLine();
            assertTrue(first != null && first.startsWith("capturing on lo (port " + port + ")"), String.valueOf(first));
            for (int i = 0; i < 5; i++) {
                byte[] message = ("datagram " + i).getBytes(US_ASCII);
                client.send(new DatagramPacket(message, message.length, target.getLocalSocketAddress()));
            }
            for (int i = 0; i < 5; i++) {
                target.receive(new DatagramPacket(new byte[64], 64));
            }
            // Process.destroy() closes the streams: read what follows before it.
            CompletableFuture<List<String>> remaining = CompletableFuture.supplyAsync(() -> err.lines().toList());
            // SIGTERM, which runs the same shutdown as Ctrl-C's SIGINT (a background child ignores SIGINT).
            Runtime.getRuntime().exec(new String[] {"kill", "-TERM", String.valueOf(process.pid())}).waitFor();
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the capture stops on SIGTERM");
            List<String> rest = remaining.get(60, TimeUnit.SECONDS);
            assertEquals(1, rest.size(), "one line of counts after the stop: " + rest);
            Matcher counts = COUNTS.matcher(rest.get(0));
            assertTrue(counts.matches(), rest.get(0));
            assertEquals("5", counts.group(1));
        }
        List<String[]> rows = Tshark.fields(file, List.of("udp.length", "data.data"));
        assertEquals(6, rows.size(), "all 5 datagrams are in the file");
        assertEquals("646174616772616d2030", rows.get(1)[1].replace(":", ""), "datagram 0");
    }

    @Test
    void anInterfaceThatDoesNotExistIsOneLineAndExitCodeOne() throws Exception {
        requireLibpcap();
        StringWriter err = new StringWriter();
        var commandLine = Main.commandLine();
        commandLine.setErr(new PrintWriter(err, true));
        int exit = commandLine.execute("capture", "--port", "3000", "--interface", "wirelab-none0",
                "--out", dir.resolve("x.pcap").toString());
        assertEquals(1, exit, err.toString());
        assertEquals(1, err.toString().lines().count(), err.toString());
        assertTrue(err.toString().startsWith("wirelab capture: cannot capture on wirelab-none0: no such interface"),
                err.toString());
    }

    @Test
    void aDurationThatIsNotOneIsAUsageError() {
        StringWriter err = new StringWriter();
        var commandLine = Main.commandLine();
        commandLine.setErr(new PrintWriter(err, true));
        int exit = commandLine.execute("capture", "--port", "3000", "--duration", "soon", "--out", "x.pcap");
        assertEquals(2, exit, err.toString());
        assertTrue(err.toString().contains("'soon' is not a duration"), err.toString());
    }

    /** Capture through libpcap in this process, whose counts these tests check. */
    private static void requireCapture() {
        CaptureAvailability.check().ifPresent(problem -> Environment.missing(problem.message()));
        if (!"root".equals(System.getProperty("user.name"))) {
            Environment.missing("not root: wirelab may capture through dumpcap here, whose counts differ from libpcap's");
        }
    }

    private static void requireLibpcap() {
        CaptureAvailability.check()
                .filter(problem -> problem.kind() == org.wirelab.capture.live.CaptureProblem.Kind.NO_LIBPCAP)
                .ifPresent(problem -> Environment.missing(problem.message()));
    }

    private static void awaitLine(StringWriter err, String line) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!err.toString().contains(line)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no line \"" + line + "\" in: " + err);
            }
            Thread.sleep(10);
        }
    }
}

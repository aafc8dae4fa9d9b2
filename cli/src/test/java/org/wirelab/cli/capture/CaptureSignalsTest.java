package org.wirelab.cli.capture;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wirelab.capture.live.CaptureAvailability;
import org.wirelab.cli.CliProcess;
import org.wirelab.core.pcap.CaptureFile;
import org.wirelab.core.pcap.CaptureFiles;
import org.wirelab.core.testing.Environment;
import org.wirelab.core.testing.Tshark;

/**
 * SIGINT (Ctrl-C), SIGTERM and SIGKILL sent to {@code wirelab capture --port P --out F} over an older F:
 * afterwards F holds every frame captured before the signal, each record whole, and tshark reads it
 * without a complaint. SIGINT and SIGTERM come at once after the last datagram, so the capture must
 * write what it still holds as it stops; SIGKILL, which nothing can catch, comes once the capture has
 * been idle, so what it proves is that a capture writes each frame out as soon as it has caught up,
 * not only when it ends.
 */
class CaptureSignalsTest {
    private static final InetAddress LOCALHOST = InetAddress.getLoopbackAddress();
    private static final int DATAGRAMS = 300;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "SIG{0}")
    @ValueSource(strings = {"INT", "TERM", "KILL"})
    void theFileHoldsEveryFrameCapturedBeforeTheSignal(String signal) throws Exception {
        CaptureAvailability.check().ifPresent(problem -> Environment.missing(problem.message()));
        Tshark.require();
        if (signal.equals("INT") && ignored(Path.of("/proc/self/status"), 2)) {
            // A shell without job control starts its background jobs with SIGINT ignored, and a child
            // inherits that: wirelab, like every program, then rightly leaves Ctrl-C to the foreground.
            Environment.missing("this JVM was started with SIGINT ignored (a background job), so the capture it starts ignores it too");
        }
        Path file = dir.resolve("live.pcap");
        Files.write(file, Files.readAllBytes(Environment.samples().resolve("tcp-hello.pcap")));
        try (DatagramSocket client = new DatagramSocket(0, LOCALHOST); DatagramSocket target = new DatagramSocket(0, LOCALHOST)) {
            int port = target.getLocalPort();
            Process process = CliProcess.builder(List.of(), dir.resolve("stdout.txt"),
                    "capture", "--port", String.valueOf(port), "--out", file.toString()).start();
            try {
                assertFalse(ignores(process, 2), "the capture must not ignore SIGINT, or this test proves nothing");
                BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
                String first = err.readLine();
                assertTrue(first != null && first.startsWith("capturing on lo (port " + port + ")"), String.valueOf(first));
                // Each received before the next is sent: none is dropped by a full socket buffer, and
                // received means the kernel has passed it through lo, where the capture took its copy.
                target.setSoTimeout(60_000);
                for (int i = 0; i < DATAGRAMS; i++) {
                    byte[] message = ("datagram " + i).getBytes(US_ASCII);
                    client.send(new DatagramPacket(message, message.length, target.getLocalSocketAddress()));
                    target.receive(new DatagramPacket(new byte[64], 64));
                }
                if (signal.equals("KILL")) {
                    awaitFramesOnDisk(file, DATAGRAMS);
                }
                new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start().waitFor();
                assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the capture stops on SIG" + signal);
            } finally {
                process.destroyForcibly();
            }
        }
        List<String[]> rows = Tshark.fields(file, List.of("frame.number", "data.data"));
        assertEquals(DATAGRAMS + 1, rows.size(), "every datagram is in the file, and only them");
        for (int i = 0; i < DATAGRAMS; i++) {
            assertEquals(hex("datagram " + i), rows.get(i + 1)[1].replace(":", ""), "frame " + (i + 1));
        }
    }

    /** Whether {@code process} ignores signal {@code number} (bit number - 1 of SigIgn in /proc). */
    private static boolean ignores(Process process, int number) throws IOException {
        return ignored(Path.of("/proc", Long.toString(process.pid()), "status"), number);
    }

    /** Whether the process whose /proc status file is {@code status} ignores signal {@code number}. */
    private static boolean ignored(Path status, int number) throws IOException {
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("SigIgn:")) {
                return (Long.parseUnsignedLong(line.substring(7).trim(), 16) & (1L << (number - 1))) != 0;
            }
        }
        return false;
    }

    /** Waits (60 s at most) until the file, read as it is, holds {@code frames} frames. */
    private static void awaitFramesOnDisk(Path file, int frames) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        int seen = 0;
        while (System.nanoTime() < deadline) {
            CaptureFile written = CaptureFiles.read(file);
            seen = written.frames().size();
            if (seen >= frames) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("after 60 s the file holds " + seen + " of the " + frames + " frames captured");
    }

    private static String hex(String text) {
        StringBuilder hex = new StringBuilder();
        for (byte b : text.getBytes(US_ASCII)) {
            hex.append(String.format("%02x", b));
        }
        return hex.toString();
    }
}

package org.wirelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.wirelab.capture.lab.ChatServer;
import org.wirelab.capture.lab.TcpServer;

class LabCommandsTest {

    @Test
    void runPrintsWhatEachSideOfTcpHelloDid() {
        CliRun run = CliRun.of("lab", "run", "tcp-hello", "--free-ports");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("tcp-hello: the lab's TCP client sends"), run.out());
        assertTrue(run.out().matches("(?s).* client  sends 14 bytes \"hello serveur\\\\n\"\n.*"), run.out());
        assertTrue(run.out().matches("(?s).* server  from 127\\.0\\.0\\.1:\\d+: \"hello serveur\\\\n\"\n.*"), run.out());
        assertEquals("", run.err());
    }

    @Test
    void runTcpRefusedOverIpv6ShowsTheRefusal() {
        CliRun run = CliRun.of("lab", "run", "tcp-refused", "--free-ports", "--ipv6");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().matches("(?s).*client  connection to \\[::1\\]:\\d+ refused: the SYN was answered by RST.*"),
                run.out());
    }

    @Test
    void anUnknownScenarioOrABadSizeIsOneLine() {
        CliRun unknown = CliRun.of("lab", "run", "tcp-helo");
        assertEquals(ErrorReporter.INPUT_ERROR, unknown.exitCode());
        assertEquals(List.of("wirelab lab run: unknown scenario 'tcp-helo': choose one of tcp-hello, udp-echo, chat,"
                + " http-get, tcp-refused, tcp-bulk, udp-burst"), unknown.errLines());
        CliRun tooBig = CliRun.of("lab", "run", "udp-burst", "--size", "70000");
        assertEquals(List.of("wirelab lab run: --size is from 1 to 65507 (the largest UDP payload): 70000"), tooBig.errLines());
    }

    @Test
    void aScenarioThatFailsSaysWhyInOneLine() throws Exception {
        // tcp-refused knocks on port 3999: with a server listening there, the refusal does not happen.
        try (ServerSocket listening = new ServerSocket()) {
            listening.setReuseAddress(true);
            listening.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 3999));
            CliRun run = CliRun.of("lab", "run", "tcp-refused");
            assertEquals(ErrorReporter.INPUT_ERROR, run.exitCode());
            assertEquals(List.of("wirelab lab run: scenario tcp-refused did not go as described: connected to"
                    + " 127.0.0.1:3999, but the scenario expects a refusal: something listens on that port"), run.errLines());
        }
    }

    @Test
    void aBusyPortIsOneLineAndExitCodeOne() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CliRun run = CliRun.of("lab", "tcp-server", "--port", Integer.toString(busy.getLocalPort()));
            assertEquals(ErrorReporter.INPUT_ERROR, run.exitCode());
            assertEquals(List.of("wirelab lab tcp-server: TCP port " + busy.getLocalPort() + " on 127.0.0.1 is already in"
                    + " use by another program: stop it or choose another port with --port"), run.errLines());
        }
    }

    @Test
    void theClientsTalkToTheServersAndSayWhenNoneListens() throws Exception {
        List<String> serverLines = new ArrayList<>();
        try (TcpServer server = new TcpServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                line -> { synchronized (serverLines) { serverLines.add(line); serverLines.notifyAll(); } })) {
            server.start();
            CliRun run = CliRun.of("lab", "tcp-client", "--port", Integer.toString(server.localAddress().getPort()));
            assertEquals(0, run.exitCode(), run.err());
            assertTrue(run.out().contains("sent 14 bytes: \"hello serveur\\n\""), run.out());
            assertTrue(server.awaitHandled(1, java.time.Duration.ofSeconds(60)));
            synchronized (serverLines) {
                assertTrue(serverLines.stream().anyMatch(line -> line.endsWith(": \"hello serveur\\n\"")), serverLines.toString());
            }
        }
        int closed;
        try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            closed = probe.getLocalPort();
        }
        CliRun noServer = CliRun.of("lab", "udp-client", "--port", Integer.toString(closed));
        assertEquals(ErrorReporter.INPUT_ERROR, noServer.exitCode());
        assertEquals(List.of("wirelab lab udp-client: no UDP server on 127.0.0.1:" + closed
                + " (the port is unreachable): start one, or check --port"), noServer.errLines());
    }

    @Test
    void aServerCommandServesUntilStoppedThenSaysSo() throws Exception {
        Lines out = new Lines();
        var commandLine = Main.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(new StringWriter(), true));
        int[] exitCode = {-1};
        Thread serving = new Thread(() -> exitCode[0] = commandLine.execute("lab", "udp-server", "--port", "0"));
        serving.start();
        String listening = out.await(line -> line.startsWith("UDP server listening on 127.0.0.1:"));
        int port = Integer.parseInt(listening.substring(listening.lastIndexOf(':') + 1));
        CliRun client = CliRun.of("lab", "udp-client", "--port", Integer.toString(port));
        assertTrue(client.out().contains("reply from 127.0.0.1:" + port + ": \"i am the server\""), client.out() + client.err());
        out.await(line -> line.matches("from 127\\.0\\.0\\.1:\\d+: \"Hello from client\""));
        serving.interrupt(); // what Ctrl-C amounts to for the command: it stops the server and returns
        serving.join(TimeUnit.SECONDS.toMillis(60));
        assertEquals(0, exitCode[0]);
        out.await("UDP server stopped");
    }

    /** On a French system the lab's programs print French, as the lab's Python programs do; --lang chooses. */
    @Test
    void onAFrenchSystemTheServerAndTheClientSpeakFrench() throws Exception {
        java.util.Locale before = java.util.Locale.getDefault();
        java.util.Locale.setDefault(java.util.Locale.FRANCE);
        try {
            Lines out = new Lines();
            var commandLine = Main.commandLine();
            commandLine.setOut(new PrintWriter(out, true));
            commandLine.setErr(new PrintWriter(new StringWriter(), true));
            Thread serving = new Thread(() -> commandLine.execute("lab", "udp-server", "--port", "0"));
            serving.start();
            String listening = out.await(line -> line.startsWith("Serveur UDP en écoute sur 127.0.0.1:"));
            out.await("Ctrl-C arrête le serveur");
            int port = Integer.parseInt(listening.substring(listening.lastIndexOf(':') + 1));
            CliRun client = CliRun.of("lab", "udp-client", "--port", Integer.toString(port));
            assertTrue(client.out().contains("réponse de 127.0.0.1:" + port + " : \"i am the server\""), client.out() + client.err());
            out.await(line -> line.matches("message de 127\\.0\\.0\\.1:\\d+ : \"Hello from client\""));
            CliRun english = CliRun.of("lab", "udp-client", "--port", Integer.toString(port), "--lang", "en");
            assertTrue(english.out().contains("reply from 127.0.0.1:" + port + ": \"i am the server\""), english.out());
            serving.interrupt();
            serving.join(TimeUnit.SECONDS.toMillis(60));
            out.await("Serveur UDP arrêté");
        } finally {
            java.util.Locale.setDefault(before);
        }
        int closed;
        try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            closed = probe.getLocalPort();
        }
        CliRun noServer = CliRun.of("lab", "udp-client", "--port", Integer.toString(closed), "--lang", "fr");
        assertEquals(List.of("wirelab lab udp-client: aucun serveur UDP sur 127.0.0.1:" + closed
                + " (port injoignable) : lancez-en un, ou vérifiez --port"), noServer.errLines());
    }

    @Test
    void theChatClientSendsWhatIsTypedAndLeavesOnQuit() throws Exception {
        List<String> serverLines = new ArrayList<>();
        InputStream keyboard = System.in;
        try (ChatServer server = new ChatServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                line -> { synchronized (serverLines) { serverLines.add(line); } })) {
            server.start();
            System.setIn(new ByteArrayInputStream("bonjour\nquit\n".getBytes(StandardCharsets.UTF_8)));
            CliRun run = CliRun.of("lab", "chat-client", "--port", Integer.toString(server.localAddress().getPort()));
            assertEquals(0, run.exitCode(), run.err());
            assertTrue(run.out().contains("my number is 0\n"), run.out());
            assertTrue(run.out().contains(">>bonjour\n>>quit\nthe server closed the connection\n"), run.out());
            assertTrue(server.awaitHandled(1, java.time.Duration.ofSeconds(60)));
            synchronized (serverLines) {
                assertTrue(serverLines.contains("client 0 quit"), serverLines.toString());
            }
        } finally {
            System.setIn(keyboard);
        }
    }

    /** A writer whose complete lines tests can wait for. */
    private static final class Lines extends Writer {
        private final StringBuilder pending = new StringBuilder();
        private final List<String> lines = new ArrayList<>();

        @Override
        public synchronized void write(char[] chars, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
                if (chars[i] == '\n') {
                    lines.add(pending.toString());
                    pending.setLength(0);
                    notifyAll();
                } else if (chars[i] != '\r') {
                    pending.append(chars[i]);
                }
            }
        }

        synchronized String await(Predicate<String> wanted) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (true) {
                for (String line : lines) {
                    if (wanted.test(line)) {
                        return line;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("no such line in 10 s: " + lines);
                }
                wait(Math.max(1, left / 1_000_000));
            }
        }

        synchronized String await(String exact) throws InterruptedException {
            return await(exact::equals);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}

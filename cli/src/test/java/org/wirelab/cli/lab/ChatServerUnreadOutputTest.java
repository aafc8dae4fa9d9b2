package org.wirelab.cli.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.wirelab.cli.Main;

/**
 * The real {@code wirelab lab chat-server} process, its standard output a pipe that nobody reads after
 * the first line (as a terminal paused with Ctrl-S, or {@code wirelab lab chat-server | slow}).
 */
class ChatServerUnreadOutputTest {
    /** Far more log lines (one per read of at most 2048 bytes) than a pipe and the server's log hold. */
    private static final int SENT = 24 << 20;

    @Test
    void theServerKeepsRelayingWhenItsOutputIsNotReadAndSigtermStillEndsIt() throws Exception {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "lab", "chat-server", "--port", "0");
        Process server = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            String listening = out.readLine();
            assertTrue(listening != null && listening.startsWith("chat server listening on 127.0.0.1:"), listening);
            int port = Integer.parseInt(listening.substring(listening.lastIndexOf(':') + 1));
            InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
            // From here on, nobody reads the server's standard output.
            try (Socket talker = new Socket(); Socket listener = new Socket()) {
                talker.connect(address);
                listener.connect(address);
                CompletableFuture<Long> talkerHeard = countX(talker.getInputStream(), SENT);
                CompletableFuture<Long> listenerHeard = countX(listener.getInputStream(), SENT);
                // Written from another thread: a server that stops relaying stops reading too, and the
                // test must then fail, not hang on a full socket.
                CompletableFuture.runAsync(() -> send(talker, SENT));
                assertEquals(SENT, listenerHeard.get(120, TimeUnit.SECONDS), "every byte was relayed");
                assertEquals(SENT, talkerHeard.get(120, TimeUnit.SECONDS));
            }
            // SIGTERM, as kill and systemd send it: the server stops though its last lines cannot be printed.
            Runtime.getRuntime().exec(new String[] {"kill", "-TERM", String.valueOf(server.pid())}).waitFor();
            assertTrue(server.waitFor(20, TimeUnit.SECONDS), "SIGTERM ends the server");
        } finally {
            server.destroyForcibly();
        }
    }

    private static void send(Socket talker, int total) {
        byte[] chunk = new byte[64 * 1024];
        Arrays.fill(chunk, (byte) 'x');
        try {
            for (int sent = 0; sent < total; sent += chunk.length) {
                talker.getOutputStream().write(chunk);
            }
        } catch (IOException closed) {
            // The test gave up and closed the socket.
        }
    }

    /** Counts the 'x' bytes a client receives, until {@code wanted} or the end of the stream. */
    private static CompletableFuture<Long> countX(InputStream in, long wanted) {
        return CompletableFuture.supplyAsync(() -> {
            byte[] buffer = new byte[64 * 1024];
            long count = 0;
            try {
                int length;
                while (count < wanted && (length = in.read(buffer)) >= 0) {
                    for (int i = 0; i < length; i++) {
                        if (buffer[i] == 'x') {
                            count++;
                        }
                    }
                }
            } catch (IOException e) {
                // Counted so far is the answer.
            }
            return count;
        });
    }
}

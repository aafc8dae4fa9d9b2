package org.wirelab.capture.lab;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The chat server against clients that misbehave, on purpose or by accident: each test proves that the
 * honest clients, talking at the same time, get every message.
 */
class ChatServerHostileClientsTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int HONEST = 20;
    /** What starts every honest message, and nothing a hostile client sends. */
    private static final String MARKER = "honest:";

    @AfterEach
    void noServerThreadOutlivesItsServer() throws InterruptedException {
        for (Thread thread : Loopback.threadsNamed("chat-")) {
            thread.join(RecordedLines.TIMEOUT.toMillis());
            assertFalse(thread.isAlive(), "thread left behind: " + thread.getName());
        }
    }

    @Test
    void aClientFloodingFiftyMegabytesWhileReadingItsEchoesDoesNotCostTheOthersAMessage() throws Exception {
        int messagesEach = 100;
        long floodBytes = Long.getLong("flood", 50L << 20);
        RecordedLines out = new RecordedLines();
        ExecutorService pool = Executors.newCachedThreadPool();
        List<BroadcastReader> honest = new ArrayList<>();
        try (ChatServer server = started(new ChatServer(Loopback.ipv4AnyPort(), out));
             Socket flooder = new Socket()) {
            honest.addAll(connectHonest(server.localAddress(), HONEST));
            flooder.connect(server.localAddress());
            // The flooder reads its echoes (and everyone's), as fast as it can, and writes without pause.
            Future<Long> drained = pool.submit(() -> drain(flooder.getInputStream()));
            Future<Long> flooded = pool.submit(() -> flood(flooder.getOutputStream(), floodBytes));
            for (Future<?> talker : talkOneAtATime(pool, honest, messagesEach)) {
                talker.get(60, TimeUnit.SECONDS);
            }
            assertEveryoneGotEverything(honest, messagesEach);
            assertFalse(out.all().stream().anyMatch(line -> line.contains("too slow")), "no honest client was cut");
            flooded.get(60, TimeUnit.SECONDS);
            flooder.close();
            drained.get(60, TimeUnit.SECONDS);
        } finally {
            closeAll(honest);
            pool.shutdownNow();
        }
    }

    private static void closeAll(List<BroadcastReader> readers) throws IOException {
        for (BroadcastReader reader : readers) {
            reader.close();
        }
    }

    @Test
    void aMessageWithNoEndIsRelayedInPiecesAndHoldsNothingBack() throws Exception {
        RecordedLines out = new RecordedLines();
        withHonestClients(new ChatServer(Loopback.ipv4AnyPort(), out), server -> {
            try (BroadcastReader endless = new BroadcastReader(server.localAddress(), MARKER, 0)) {
                // A megabyte without a line end, the connection left open: the lab's server reads 2048 bytes at
                // a time and so does this one; nothing waits for an end that never comes.
                assertTrue(endless.sendAndAwaitEcho("y".repeat(1 << 20).getBytes(US_ASCII), WAIT));
                return null;
            }
        });
        List<String> pieces = out.all().stream().filter(line -> line.matches("client \\d+: \"y+\"")).toList();
        assertTrue(pieces.stream().allMatch(line -> line.length() <= 2048 + 20), "pieces of at most 2048 bytes");
    }

    @Test
    void binaryGarbageIsRelayedAsItCameAndPrintedEscaped() throws Exception {
        RecordedLines out = new RecordedLines();
        byte[] garbage = new byte[100_000];
        new Random(7).nextBytes(garbage);
        withHonestClients(new ChatServer(Loopback.ipv4AnyPort(), out), server -> {
            try (BroadcastReader noisy = new BroadcastReader(server.localAddress(), MARKER, 0)) {
                assertTrue(noisy.sendAndAwaitEcho(garbage, WAIT));
                // Terminal escapes: CSI as a C1 control (UTF-8 C2 9B) and as a lone byte, ESC, NUL, BEL.
                assertTrue(noisy.sendAndAwaitEcho(new byte[] {(byte) 0xc2, (byte) 0x9b, '2', 'J', 0x1b, ']', '0', ';', 7},
                        WAIT));
                assertTrue(noisy.sendAndAwaitEcho(new byte[] {0, (byte) 0x9b, '2', 'J', (byte) 0xc3, '\n', '\r'}, WAIT));
                return null;
            }
        });
        for (String line : out.all()) {
            assertTrue(line.chars().allMatch(c -> c >= 0x20 && c != 0x7f && (c < 0x80 || c > 0x9f)),
                    "a control character reached the server's output: " + PrintableText.quoted(line.getBytes(UTF_8)));
        }
    }

    @Test
    void clientsThatNeverReadAreCutAndTheOthersGetEverything() throws Exception {
        RecordedLines out = new RecordedLines();
        List<Socket> deaf = new ArrayList<>();
        try {
            // Shorter than the default stall limit so the test is quick, long enough that an honest reader
            // that a loaded machine leaves unscheduled for a while is not taken for a deaf one.
            withHonestClients(new ChatServer(Loopback.ipv4AnyPort(), out, 100, Duration.ofSeconds(3)), server -> {
                for (int i = 0; i < 3; i++) {
                    Socket socket = new Socket();
                    socket.setReceiveBufferSize(4096);
                    socket.connect(server.localAddress());
                    deaf.add(socket);
                }
                // Enough broadcast bytes to fill what the kernel holds for a client that never reads.
                try (BroadcastReader talker = new BroadcastReader(server.localAddress(), MARKER, 0)) {
                    assertTrue(talker.sendAndAwaitEcho("z".repeat(1 << 20).getBytes(US_ASCII), WAIT));
                }
                return null;
            });
            List<String> cut = out.awaitCount(line -> line.contains(" is too slow to read: "), 3);
            assertEquals(3, cut.size(), cut.toString());
        } finally {
            for (Socket socket : deaf) {
                socket.close();
            }
        }
    }

    @Test
    void clientsResettingMidMessageDisturbNobody() throws Exception {
        RecordedLines out = new RecordedLines();
        withHonestClients(new ChatServer(Loopback.ipv4AnyPort(), out), server -> {
            for (int i = 0; i < 200; i++) {
                try (Socket crashing = new Socket()) {
                    crashing.connect(server.localAddress());
                    crashing.getOutputStream().write(("partial message " + i).getBytes(US_ASCII));
                    crashing.setSoLinger(true, 0);   // close() sends RST: a program killed mid-sentence
                }
            }
            return null;
        });
        assertTrue(out.all().stream().anyMatch(line -> line.matches("client \\d+ vanished: .*")), "resets were seen");
    }

    @Test
    void thousandsOfConnectionsOpenedAndDroppedLeaveNothingBehind() throws Exception {
        RecordedLines out = new RecordedLines();
        ChatServer server = new ChatServer(Loopback.ipv4AnyPort(), out);
        int count = TcpUdpHostileClientsTest.DROPPED;   // 3,000, or more from bench/connect-and-drop.sh
        withHonestClients(server, started -> {
            for (int i = 0; i < count; i++) {
                try (Socket dropped = new Socket()) {
                    dropped.connect(started.localAddress());
                    if (i % 2 == 0) {
                        dropped.setSoLinger(true, 0);   // half of them reset, half close politely
                    }
                }
            }
            return null;
        }, honest -> {
            assertTrue(server.awaitHandled(count, WAIT), server.handled() + " of " + count
                    + " dropped connections closed");
            assertEquals(honest, server.openConnections(), "only the honest clients' connections remain");
        });
    }

    @Test
    void aThousandClientsEachGetEveryMessageByDefault() throws Exception {
        RecordedLines out = new RecordedLines();
        List<RawChatClient> clients = new ArrayList<>();
        try (ChatServer server = started(new ChatServer(Loopback.ipv4AnyPort(), out))) {
            for (int i = 0; i < 1000; i++) {
                clients.add(new RawChatClient(server.localAddress()));
            }
            for (int i = 0; i < clients.size(); i++) {
                clients.get(i).expect(Integer.toString(i));
            }
            assertEquals(1000, server.connectedClients());
            clients.get(0).send("first");
            clients.get(999).send("last");
            for (RawChatClient client : clients) {
                client.expect("\n>>first\n");
                client.expect("\n>>last\n");
            }
            assertEquals(1, Loopback.threadsNamed("chat-").size(), "one thread for a thousand clients");
        } finally {
            for (RawChatClient client : clients) {
                client.close();
            }
        }
    }

    /** What a hostile client does, given the started server. */
    private interface Hostile {
        Void act(ChatServer server) throws Exception;
    }

    /** A check once the honest clients got everything, given how many they are. */
    private interface Afterwards {
        void check(int honest) throws Exception;
    }

    private static void withHonestClients(ChatServer server, Hostile hostile) throws Exception {
        withHonestClients(server, hostile, honest -> { });
    }

    /**
     * Five honest clients talk (one message at a time each, as people type) while {@code hostile} acts;
     * every honest client must get every honest message, in full.
     */
    private static void withHonestClients(ChatServer server, Hostile hostile, Afterwards afterwards) throws Exception {
        int count = 5;
        int messagesEach = 20;
        ExecutorService pool = Executors.newCachedThreadPool();
        List<BroadcastReader> honest = new ArrayList<>();
        try (server) {
            server.start();
            honest.addAll(connectHonest(server.localAddress(), count));
            Future<Void> attack = pool.submit(() -> hostile.act(server));
            for (Future<?> talker : talkOneAtATime(pool, honest, messagesEach)) {
                talker.get(60, TimeUnit.SECONDS);
            }
            attack.get(60, TimeUnit.SECONDS);
            assertEveryoneGotEverything(honest, messagesEach);
            afterwards.check(count);
            for (BroadcastReader reader : honest) {
                assertFalse(reader.ended(), "an honest client was disconnected");
            }
        } finally {
            closeAll(honest);
            pool.shutdownNow();
        }
    }

    /** Reads and forgets what the server sends to {@code socket}, until it is closed. */
    private static void drainInBackground(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        Thread thread = new Thread(() -> drain(in), "test-drain");
        thread.setDaemon(true);
        thread.start();
    }

    private static ChatServer started(ChatServer server) throws IOException {
        server.start();
        return server;
    }

    private static List<BroadcastReader> connectHonest(InetSocketAddress server, int count) throws Exception {
        List<BroadcastReader> readers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            BroadcastReader reader = new BroadcastReader(server, MARKER, 0);
            assertTrue(reader.number(WAIT) != null, "client " + i + " got no number");
            readers.add(reader);
        }
        return readers;
    }

    /** Each honest client sends its messages one at a time, the next once its echo came back (typing). */
    private static List<Future<?>> talkOneAtATime(ExecutorService pool, List<BroadcastReader> honest, int messagesEach) {
        List<Future<?>> talkers = new ArrayList<>();
        for (int i = 0; i < honest.size(); i++) {
            BroadcastReader reader = honest.get(i);
            int id = i;
            talkers.add(pool.submit(() -> {
                for (int m = 0; m < messagesEach; m++) {
                    String message = MARKER + id + "-" + m;
                    reader.send(message);
                    assertTrue(reader.awaitMessage(message, WAIT), "client " + id + " never got its " + message);
                }
                return null;
            }));
        }
        return talkers;
    }

    private static void assertEveryoneGotEverything(List<BroadcastReader> honest, int messagesEach)
            throws InterruptedException {
        Set<String> expected = new TreeSet<>();
        for (int i = 0; i < honest.size(); i++) {
            for (int m = 0; m < messagesEach; m++) {
                expected.add(MARKER + i + "-" + m);
            }
        }
        int delivered = 0;
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < honest.size(); i++) {
            List<String> got = honest.get(i).awaitMarked(expected.size(), WAIT);
            delivered += got.size();
            if (!expected.equals(new TreeSet<>(got)) || got.size() != expected.size()) {
                failures.add("client " + i + " got " + got.size());
            }
        }
        assertTrue(failures.isEmpty(), delivered + " of " + expected.size() * honest.size()
                + " messages delivered: " + failures);
    }

    /** Writes {@code total} bytes as fast as the server takes them; returns what was written. */
    private static long flood(OutputStream out, long total) {
        byte[] chunk = new byte[64 * 1024];
        Arrays.fill(chunk, (byte) 'x');
        long written = 0;
        try {
            while (written < total) {
                int length = (int) Math.min(chunk.length, total - written);
                out.write(chunk, 0, length);
                written += length;
            }
        } catch (IOException cut) {
            // The server may cut a flooder: that is one of the two fair outcomes.
        }
        return written;
    }

    private static long drain(InputStream in) {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try {
            int length;
            while ((length = in.read(buffer)) >= 0) {
                total += length;
            }
        } catch (IOException closed) {
            // The test closed it, or the server cut it.
        }
        return total;
    }
}

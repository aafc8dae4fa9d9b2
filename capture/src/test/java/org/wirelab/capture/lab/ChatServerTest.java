package org.wirelab.capture.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.StringReader;
import java.net.ConnectException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ChatServerTest {

    @AfterEach
    void noClientThreadOutlivesItsServer() throws InterruptedException {
        assertNoThreadsLeft();
    }

    /** Joins every chat thread still alive; fails if one does not end within the timeout. */
    private static void assertNoThreadsLeft() throws InterruptedException {
        for (Thread thread : Loopback.threadsNamed("chat-")) {
            thread.join(RecordedLines.TIMEOUT.toMillis());
            assertFalse(thread.isAlive(), "thread left behind: " + thread.getName());
        }
    }

    @Test
    void eachClientGetsItsNumberThenEveryMessageAsTheLabsBroadcast() throws Exception {
        RecordedLines out = new RecordedLines();
        try (ChatServer server = started(new ChatServer(Loopback.ipv4AnyPort(), out));
             RawChatClient first = new RawChatClient(server.localAddress());
             RawChatClient second = new RawChatClient(server.localAddress())) {
            // The lab: client.send(str.encode(str(nbclients))), then '\n>>' + data + '\n' to all, sender included.
            first.expect("0");
            second.expect("1");
            first.send("hello");
            first.expect("\n>>hello\n");
            second.expect("\n>>hello\n");
            second.send("caf\u00e9");
            first.expect("\n>>caf\u00e9\n");
            second.expect("\n>>caf\u00e9\n");
            out.await("client 0 connected from 127.0.0.1:" + first.localPort());
            out.await("client 1: \"caf\u00e9\"");
        }
    }

    @Test
    void quitAsTheLabsClientSendsItEndsThatClientOnlyAndTheServerClosesIt() throws Exception {
        RecordedLines out = new RecordedLines();
        try (ChatServer server = started(new ChatServer(Loopback.ipv4AnyPort(), out));
             RawChatClient staying = new RawChatClient(server.localAddress());
             RawChatClient quitting = new RawChatClient(server.localAddress());
             RawChatClient coalesced = new RawChatClient(server.localAddress());
             RawChatClient netcat = new RawChatClient(server.localAddress())) {
            staying.expect("0");
            quitting.expect("1");
            coalesced.expect("2");
            netcat.expect("3");

            // The lab's client: send("quit") then send(str(myNumber)), two writes.
            quitting.send("quit");
            for (RawChatClient client : List.of(staying, quitting, coalesced, netcat)) {
                client.expect("\n>>quit\n");
            }
            quitting.send("1");
            assertTrue(quitting.atEndOfStream(), "the server closes its side after quit");
            quitting.close();

            // Both writes in one segment, as they may arrive; then netcat's line.
            coalesced.send("quit2");
            for (RawChatClient client : List.of(staying, coalesced, netcat)) {
                client.expect("\n>>quit\n");
            }
            assertTrue(coalesced.atEndOfStream());
            coalesced.close();
            netcat.send("quit\n");
            staying.expect("\n>>quit\n");
            netcat.expect("\n>>quit\n");
            assertTrue(netcat.atEndOfStream());
            netcat.close();

            assertTrue(server.awaitHandled(3, RecordedLines.TIMEOUT));
            assertEquals(1, server.connectedClients());
            assertEquals(1, server.openConnections());
            staying.send("still here");
            staying.expect("\n>>still here\n");
            for (int number = 1; number <= 3; number++) {
                out.await("client " + number + " quit");
            }
        }
    }

    @Test
    void quitIsOnlyTheWholeWord() {
        assertTrue(ChatServer.isQuit(bytes("quit"), 4));
        assertTrue(ChatServer.isQuit(bytes("quit12"), 6));
        assertTrue(ChatServer.isQuit(bytes("quit\r\n"), 6));
        assertFalse(ChatServer.isQuit(bytes("quitter"), 7));
        assertFalse(ChatServer.isQuit(bytes("qui"), 3));
        assertFalse(ChatServer.isQuit(bytes("I quit"), 6));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    @Test
    void fiftyClientsSendingConcurrentlyEachReceiveEveryMessage() throws Exception {
        int clients = 50;
        int messagesEach = 4;
        RecordedLines serverOut = new RecordedLines();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try (ChatServer server = new ChatServer(Loopback.ipv4AnyPort(), serverOut)) {
            server.start();
            List<ChatClient> chatClients = new ArrayList<>();
            List<RecordedLines> outputs = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                RecordedLines lines = new RecordedLines();
                ChatClient client = new ChatClient(server.localAddress(), lines);
                client.connect();
                chatClients.add(client);
                outputs.add(lines);
            }
            assertEquals(clients, server.connectedClients());
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> senders = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                int id = i;
                senders.add(pool.submit(() -> {
                    go.await();
                    for (int m = 0; m < messagesEach; m++) {
                        String message = "c" + id + "-m" + m;
                        chatClients.get(id).send(message);
                        // One message at a time per client, like someone typing: the lab's protocol has
                        // no framing, so two quick writes could be read (and broadcast) as one message.
                        outputs.get(id).await(">>" + message);
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> sender : senders) {
                sender.get(60, TimeUnit.SECONDS);
            }
            Set<String> expected = new TreeSet<>();
            for (int i = 0; i < clients; i++) {
                for (int m = 0; m < messagesEach; m++) {
                    expected.add(">>c" + i + "-m" + m);
                }
            }
            for (int i = 0; i < clients; i++) {
                List<String> received = outputs.get(i).awaitCount(line -> line.startsWith(">>"), expected.size());
                assertEquals(expected, new TreeSet<>(received), "client " + i);
                assertEquals(expected.size(), received.size(), "client " + i + " got a message twice");
            }
            for (ChatClient client : chatClients) {
                assertTrue(client.quit(), "the server closes each quitting client");
            }
            assertTrue(server.awaitHandled(clients, RecordedLines.TIMEOUT));
            assertEquals(0, server.connectedClients());
            assertEquals(0, server.openConnections());
            assertEquals(List.of("chat-server"), Loopback.threadsNamed("chat-").stream().map(Thread::getName).toList(),
                    "one thread serves every client");
        } finally {
            pool.shutdownNow();
        }
    }

    private static ChatServer started(ChatServer server) throws java.io.IOException {
        server.start();
        return server;
    }

    @Test
    void clientsThatVanishLeaveNoThreadNorSocketAndDoNotDisturbTheOthers() throws Exception {
        RecordedLines out = new RecordedLines();
        try (ChatServer server = new ChatServer(Loopback.ipv4AnyPort(), out)) {
            server.start();
            long socketsWithServerOnly = Loopback.openSockets();
            try (RawChatClient staying = new RawChatClient(server.localAddress())) {
                staying.expect("0");
                RawChatClient reset = new RawChatClient(server.localAddress());
                reset.expect("1");
                RawChatClient closed = new RawChatClient(server.localAddress());
                closed.expect("2");
                RawChatClient midMessage = new RawChatClient(server.localAddress());
                midMessage.expect("3");

                reset.abort();
                closed.close();
                // A client killed while sending a long message: part of it is on its way, then RST.
                midMessage.send("x".repeat(100_000));
                midMessage.abort();

                assertTrue(server.awaitHandled(3, RecordedLines.TIMEOUT));
                out.await(line -> line.startsWith("client 1 vanished: "));
                out.await("client 2 left without quit");
                out.await(line -> line.startsWith("client 3 vanished: ") || line.equals("client 3 left without quit"));
                assertEquals(1, server.connectedClients());
                assertEquals(1, server.openConnections());

                // What client 3 managed to send was broadcast in pieces; then the chat goes on.
                staying.send("after");
                byte[] wanted = "\n>>after\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                assertTrue(readUntilEndsWith(staying, wanted), "the staying client still gets messages");
                if (socketsWithServerOnly >= 0) {
                    // The server's end of the three vanished connections is closed: only the listener and
                    // both ends of the staying connection remain.
                    assertEquals(socketsWithServerOnly + 2, Loopback.openSockets());
                }
            }
        }
    }

    private static boolean readUntilEndsWith(RawChatClient client, byte[] wanted) throws Exception {
        java.io.ByteArrayOutputStream seen = new java.io.ByteArrayOutputStream();
        while (true) {
            int b = client.socket.getInputStream().read();
            if (b < 0) {
                return false;
            }
            seen.write(b);
            byte[] all = seen.toByteArray();
            if (all.length >= wanted.length && java.util.Arrays.equals(all, all.length - wanted.length, all.length,
                    wanted, 0, wanted.length)) {
                return true;
            }
        }
    }

    @Test
    void oneClientTooManyIsClosedAtOnce() throws Exception {
        RecordedLines out = new RecordedLines();
        try (ChatServer server = started(new ChatServer(Loopback.ipv4AnyPort(), out, 2));
             RawChatClient first = new RawChatClient(server.localAddress());
             RawChatClient second = new RawChatClient(server.localAddress())) {
            first.expect("0");
            second.expect("1");
            ChatClient third = new ChatClient(server.localAddress(), line -> { });
            ConnectException e = assertThrows(ConnectException.class, third::connect);
            assertTrue(e.getMessage().endsWith("closed the connection at once (a full chat server does that)"),
                    e.getMessage());
            out.await(line -> line.endsWith(": already 2 clients, the limit"));
        }
    }

    @Test
    void theChatClientSendsTypedLinesAndQuitsOnQuit() throws Exception {
        RecordedLines serverOut = new RecordedLines();
        RecordedLines clientOut = new RecordedLines();
        try (ChatServer server = new ChatServer(Loopback.ipv6AnyPort(), serverOut)) {
            server.start();
            ChatClient client = new ChatClient(server.localAddress(), clientOut);
            client.connect();
            client.chat(new BufferedReader(new StringReader("bonjour\nquit\nnot sent\n")));
            assertTrue(server.awaitHandled(1, RecordedLines.TIMEOUT));
            assertEquals(List.of("connected to [::1]:" + server.localAddress().getPort() + ", my number is 0",
                    ">>bonjour", ">>quit", "the server closed the connection"), clientOut.all());
            assertEquals(List.of("client 0: \"bonjour\"", "client 0: \"quit\"", "client 0 quit"),
                    serverOut.all().stream().filter(line -> line.startsWith("client 0:") || line.endsWith(" quit"))
                            .toList());
        }
    }

    @Test
    void stopClosesEveryClientAndJoinsEveryThread() throws Exception {
        RecordedLines out = new RecordedLines();
        ChatServer server = new ChatServer(Loopback.ipv4AnyPort(), out);
        server.start();
        try (RawChatClient first = new RawChatClient(server.localAddress());
             RawChatClient second = new RawChatClient(server.localAddress())) {
            first.expect("0");
            second.expect("1");
            server.stop();
            assertTrue(Loopback.threadsNamed("chat-").isEmpty(), Loopback.threadsNamed("chat-").toString());
            assertTrue(first.atEndOfStream());
            assertTrue(second.atEndOfStream());
            assertEquals(0, server.openConnections());
        }
    }

    @Test
    void aBusyPortIsOneClearLine() throws Exception {
        try (ChatServer first = new ChatServer(Loopback.ipv4AnyPort(), line -> { })) {
            first.start();
            ChatServer second = new ChatServer(first.localAddress(), line -> { });
            PortInUseException e = assertThrows(PortInUseException.class, second::start);
            assertEquals("TCP port " + first.localAddress().getPort() + " on 127.0.0.1 is already in use by another"
                    + " program: stop it or choose another port with --port", e.getMessage());
        }
    }
}

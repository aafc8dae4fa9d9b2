package org.wirelab.capture.lab;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.wirelab.core.scenario.LabProtocol;

/**
 * The lab's multiThreadServerSocketTCP.py, with its bugs fixed. On the wire it is the lab's protocol:
 * each new client first receives its number as decimal text ({@code 0}, {@code 1}, ...: the lab sends
 * its client count, which only grows since its quit never works), then everything any client sends
 * (one read of at most 2048 bytes, the lab's {@code recv(2048)}) is broadcast to every connected
 * client, the sender included, as {@code \n>>message\n}.
 *
 * <p>The lab's bugs and what this server does instead:
 * <ul>
 * <li>{@code data == "quit"} compares bytes with a str, which is never true in Python 3, so quit is
 *     never honoured. Here a message {@code quit} ends the client's session: it is broadcast like any
 *     message, then the server closes its side (FIN) and closes the socket once the client has closed.
 *     The lab's client sends its number right after {@code quit}; both may arrive in one segment, so
 *     {@code quit} followed by digits is a quit too, as is netcat's {@code quit\n}.</li>
 * <li>The lab removes {@code clients[numclient]}, using the client's number as a list index, which is
 *     wrong as soon as anyone left. Here a client is identified by its connection.</li>
 * <li>When a client disappears, the lab's thread gets empty reads forever and broadcasts {@code \n>>\n}
 *     in a loop (or dies on the reset). Here end of stream or a reset removes the client, closes its
 *     socket and ends its threads, and the others go on undisturbed.</li>
 * </ul>
 * Each client has a reader thread and a writer thread with a bounded queue, so a client that stops
 * reading cannot block the broadcast: when its queue is full it is disconnected. At most
 * {@code maxClients} are connected; one more is accepted and closed at once. An exchange
 * ({@link #handled()}) is one client gone, whatever the way.
 */
public final class ChatServer extends CountingServer {
    public static final int DEFAULT_PORT = LabProtocol.CHAT_PORT;
    /** The lab's receive size: a longer message is broadcast in pieces of at most this size. */
    public static final int MAX_MESSAGE = LabProtocol.CHAT_RECEIVE_SIZE;
    public static final int DEFAULT_MAX_CLIENTS = 100;
    /** Broadcasts queued for one client before it counts as too slow and is disconnected. */
    static final int OUTBOX_CAPACITY = 1024;
    /** How long the server waits, after a quit, for the client to close its side. */
    static final Duration QUIT_LINGER = Duration.ofSeconds(5);

    private static final byte[] BROADCAST_START = LabProtocol.CHAT_BROADCAST_PREFIX.getBytes(StandardCharsets.US_ASCII);
    private static final byte[] BROADCAST_END = LabProtocol.CHAT_BROADCAST_SUFFIX.getBytes(StandardCharsets.US_ASCII);
    private static final byte[] QUIT = LabProtocol.QUIT.getBytes(StandardCharsets.US_ASCII);

    private final InetSocketAddress address;
    private final Consumer<String> output;
    private final int maxClients;
    /** Clients that receive broadcasts; guarded by itself, so one broadcast reaches all in one order. */
    private final List<Member> members = new ArrayList<>();
    /** Clients whose threads are still running, connected or leaving. */
    private final Set<Member> live = ConcurrentHashMap.newKeySet();
    private ServerSocket listener;
    private Thread acceptor;
    private volatile boolean stopping;
    private int nextNumber;

    public ChatServer(InetSocketAddress address, Consumer<String> output) {
        this(address, output, DEFAULT_MAX_CLIENTS);
    }

    public ChatServer(InetSocketAddress address, Consumer<String> output, int maxClients) {
        if (maxClients < 1) {
            throw new IllegalArgumentException("maxClients must be at least 1: " + maxClients);
        }
        this.address = address;
        this.output = output;
        this.maxClients = maxClients;
    }

    @Override
    public synchronized void start() throws IOException {
        if (listener != null) {
            throw new IllegalStateException("already started");
        }
        listener = Binding.tcp(address, maxClients);
        output.accept("chat server listening on " + Endpoints.text(listener.getLocalSocketAddress()));
        acceptor = new Thread(this::acceptClients, "chat-server-accept");
        acceptor.start();
    }

    private void acceptClients() {
        while (!listener.isClosed()) {
            Socket socket;
            try {
                socket = listener.accept();
            } catch (IOException e) {
                if (!listener.isClosed()) {
                    output.accept("error: " + e.getMessage());
                }
                continue;
            }
            String peer = Endpoints.text(socket.getRemoteSocketAddress());
            if (live.size() >= maxClients) {
                output.accept("refused " + peer + ": already " + maxClients + " clients, the limit");
                closeQuietly(socket);
                continue;
            }
            Member member = new Member(socket, nextNumber++, peer);
            live.add(member);
            if (stopping) {
                // stop() may have taken its snapshot of live clients before this one was added.
                live.remove(member);
                closeQuietly(socket);
                continue;
            }
            output.accept("client " + member.number + " connected from " + peer);
            member.start();
        }
    }

    /** Queues {@code \n>>message\n} for every connected client, in the same order for all. */
    private void broadcast(byte[] message, int length) {
        byte[] reply = new byte[BROADCAST_START.length + length + BROADCAST_END.length];
        System.arraycopy(BROADCAST_START, 0, reply, 0, BROADCAST_START.length);
        System.arraycopy(message, 0, reply, BROADCAST_START.length, length);
        System.arraycopy(BROADCAST_END, 0, reply, BROADCAST_START.length + length, BROADCAST_END.length);
        List<Member> tooSlow = new ArrayList<>();
        synchronized (members) {
            for (Member member : members) {
                if (!member.outbox.offer(reply)) {
                    tooSlow.add(member);
                }
            }
            members.removeAll(tooSlow);
        }
        for (Member member : tooSlow) {
            output.accept("client " + member.number + " is too slow to read: disconnected");
            closeQuietly(member.socket);
        }
    }

    /** {@code quit}, optionally followed by the lab client's number or by netcat's line end. */
    static boolean isQuit(byte[] message, int length) {
        if (length < QUIT.length || !Arrays.equals(message, 0, QUIT.length, QUIT, 0, QUIT.length)) {
            return false;
        }
        int end = length;
        if (end > QUIT.length && message[end - 1] == '\n') {
            end--;
            if (end > QUIT.length && message[end - 1] == '\r') {
                end--;
            }
        }
        for (int i = QUIT.length; i < end; i++) {
            if (message[i] < '0' || message[i] > '9') {
                return false;
            }
        }
        return true;
    }

    /** Clients currently receiving broadcasts. */
    public int connectedClients() {
        synchronized (members) {
            return members.size();
        }
    }

    /** Clients whose reader and writer threads have not finished yet (connected or leaving). */
    public int liveClientHandlers() {
        return live.size();
    }

    @Override
    public synchronized InetSocketAddress localAddress() {
        return listener == null ? address : (InetSocketAddress) listener.getLocalSocketAddress();
    }

    @Override
    public synchronized void stop() {
        if (listener == null || stopping) {
            return;
        }
        stopping = true;
        closeQuietly(listener);
        Threads.join(acceptor);
        List<Member> remaining = List.copyOf(live);
        for (Member member : remaining) {
            closeQuietly(member.socket);
        }
        for (Member member : remaining) {
            Threads.join(member.reader);
        }
        output.accept("chat server stopped");
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // Closing is all that is left to do with this socket; a failure changes nothing.
        }
    }

    /** One connected client: its socket, its number and its two threads. */
    private final class Member {
        /** Queued after the last broadcast a quitting client gets: the writer then sends FIN. */
        private static final byte[] END_OF_OUTPUT = new byte[0];

        final Socket socket;
        final int number;
        final String peer;
        final BlockingQueue<byte[]> outbox = new ArrayBlockingQueue<>(OUTBOX_CAPACITY);
        final Thread reader;
        final Thread writer;

        Member(Socket socket, int number, String peer) {
            this.socket = socket;
            this.number = number;
            this.peer = peer;
            this.reader = new Thread(this::read, "chat-client-" + number + "-reader");
            this.writer = new Thread(this::write, "chat-client-" + number + "-writer");
        }

        void start() {
            // The number goes first, before any broadcast can be queued: the lab sends it right
            // after accept, before adding the client to its list.
            outbox.add(LabProtocol.chatNumber(number).getBytes(StandardCharsets.US_ASCII));
            synchronized (members) {
                members.add(this);
            }
            writer.start();
            reader.start();
        }

        private void read() {
            try {
                readMessages();
            } catch (IOException e) {
                if (!stopping) {
                    output.accept("client " + number + " vanished: " + e.getMessage());
                }
            } finally {
                leave();
            }
        }

        private void readMessages() throws IOException {
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[MAX_MESSAGE];
            while (true) {
                int length = in.read(buffer);
                if (length < 0) {
                    output.accept("client " + number + " left without quit");
                    return;
                }
                output.accept("client " + number + ": " + PrintableText.quoted(buffer, 0, length));
                if (isQuit(buffer, length)) {
                    broadcast(QUIT, QUIT.length);
                    output.accept("client " + number + " quit");
                    closeAfterQuit(in, buffer);
                    return;
                }
                broadcast(buffer, length);
            }
        }

        /** Sends what is queued, then FIN; waits (bounded) for the client's FIN, discarding its bytes. */
        private void closeAfterQuit(InputStream in, byte[] buffer) throws IOException {
            synchronized (members) {
                members.remove(this);
            }
            if (!outbox.offer(END_OF_OUTPUT)) {
                return;
            }
            socket.setSoTimeout((int) QUIT_LINGER.toMillis());
            try {
                while (in.read(buffer) >= 0) {
                    // The lab's client sends its number after quit: read and forget it.
                }
            } catch (SocketTimeoutException e) {
                output.accept("client " + number + " did not close after quit in "
                        + QUIT_LINGER.toSeconds() + " s: closing");
            }
        }

        private void leave() {
            synchronized (members) {
                members.remove(this);
            }
            closeQuietly(socket);
            writer.interrupt();
            Threads.join(writer);
            live.remove(this);
            exchangeDone();
        }

        private void write() {
            try {
                OutputStream out = socket.getOutputStream();
                while (true) {
                    byte[] message = outbox.take();
                    if (message == END_OF_OUTPUT) {
                        socket.shutdownOutput();
                        return;
                    }
                    out.write(message);
                }
            } catch (InterruptedException e) {
                // leave() ends the writer this way once the reader is done.
            } catch (IOException e) {
                // The client is gone: closing the socket wakes the reader, which cleans up.
                closeQuietly(socket);
            }
        }
    }
}

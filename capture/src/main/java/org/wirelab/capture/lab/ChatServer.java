package org.wirelab.capture.lab;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
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
 *     in a loop (or dies on the reset). Here end of stream or a reset removes the client and closes its
 *     socket, and the others go on undisturbed.</li>
 * </ul>
 *
 * <p>One thread serves every client with a selector (the lab's two threads per client do not hold a
 * thousand clients on a small machine). Fairness: in each turn of the loop every client with something
 * to say gets one read, so a client that floods is served no faster than one that types. Every client
 * gets every message: while one client has more than {@link #OUTBOX_HIGH_WATER} bytes waiting, the
 * server reads from nobody, which slows the senders down through TCP itself rather than dropping
 * anything; a client that takes none of its waiting bytes for {@code stallLimit} is cut, so that one
 * client that never reads cannot stop the chat. At most {@code maxClients} are connected; one more is
 * accepted and closed at once. An exchange ({@link #handled()}) is one client gone, whatever the way.
 */
public final class ChatServer extends CountingServer {
    public static final int DEFAULT_PORT = LabProtocol.CHAT_PORT;
    /** The lab's receive size: a longer message is broadcast in pieces of at most this size. */
    public static final int MAX_MESSAGE = LabProtocol.CHAT_RECEIVE_SIZE;
    /** The lab's Python server has no limit; a thousand is a lecture theatre with room to spare. */
    public static final int DEFAULT_MAX_CLIENTS = 1000;
    /** How long a client may leave its waiting bytes untouched, while the chat waits for it, before it is cut. */
    public static final Duration DEFAULT_STALL_LIMIT = Duration.ofSeconds(5);
    /** Bytes waiting for one client above which the server stops reading from everyone. */
    static final int OUTBOX_HIGH_WATER = 128 * 1024;
    /** ... until every client is back under this. */
    static final int OUTBOX_LOW_WATER = 32 * 1024;
    /** The kernel's send buffer for each client (Linux doubles it for its own bookkeeping). */
    static final int SEND_BUFFER = 64 * 1024;
    /** How long the server waits, after a quit, for the client to close its side. */
    static final Duration QUIT_LINGER = Duration.ofSeconds(5);
    /** Connections accepted per turn of the loop, so that a storm of connections does not stall the chat. */
    private static final int ACCEPTS_PER_TURN = 64;

    private static final byte[] BROADCAST_START = LabProtocol.CHAT_BROADCAST_PREFIX.getBytes(StandardCharsets.US_ASCII);
    private static final byte[] BROADCAST_END = LabProtocol.CHAT_BROADCAST_SUFFIX.getBytes(StandardCharsets.US_ASCII);
    private static final byte[] QUIT = LabProtocol.QUIT.getBytes(StandardCharsets.US_ASCII);

    private final InetSocketAddress address;
    private final LabConsole output;
    private final int maxClients;
    private final long stallLimitNanos;
    private final String stallText;

    // Everything below the lifecycle fields belongs to the loop thread.
    private ServerSocketChannel listener;
    private InetSocketAddress bound;
    private Selector selector;
    private Thread loop;
    private volatile boolean stopping;
    private volatile int connectedCount;
    private volatile int openCount;

    /** Clients that receive broadcasts, in the order they came. */
    private final Set<Client> members = new LinkedHashSet<>();
    /** Every open connection: members and clients leaving after quit. */
    private final Set<Client> open = new HashSet<>();
    private final Set<Client> leaving = new HashSet<>();
    /** Clients with more than the high water mark waiting: while any, nobody is read. */
    private final Set<Client> overfull = new HashSet<>();
    /** Clients that had something to say while reading was paused. */
    private final List<Client> paused = new ArrayList<>();
    /** Clients given bytes in this turn, written once every read of the turn is done. */
    private final Set<Client> toFlush = new LinkedHashSet<>();
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(MAX_MESSAGE);
    private final byte[] received = new byte[MAX_MESSAGE];
    private long now;
    private int nextNumber;

    public ChatServer(InetSocketAddress address, LabConsole output) {
        this(address, output, DEFAULT_MAX_CLIENTS);
    }

    public ChatServer(InetSocketAddress address, LabConsole output, int maxClients) {
        this(address, output, maxClients, DEFAULT_STALL_LIMIT);
    }

    public ChatServer(InetSocketAddress address, LabConsole output, int maxClients, Duration stallLimit) {
        if (maxClients < 1) {
            throw new IllegalArgumentException("maxClients must be at least 1: " + maxClients);
        }
        if (stallLimit.isNegative() || stallLimit.isZero()) {
            throw new IllegalArgumentException("the stall limit must be positive: " + stallLimit);
        }
        this.address = address;
        this.output = output;
        this.maxClients = maxClients;
        this.stallLimitNanos = stallLimit.toNanos();
        this.stallText = stallLimit.toMillis() % 1000 == 0 ? stallLimit.toSeconds() + " s" : stallLimit.toMillis() + " ms";
    }

    @Override
    public synchronized void start() throws IOException {
        if (listener != null) {
            throw new IllegalStateException("already started");
        }
        listener = Binding.tcpChannel(address, maxClients, output);
        try {
            listener.configureBlocking(false);
            selector = Selector.open();
            listener.register(selector, SelectionKey.OP_ACCEPT);
        } catch (IOException e) {
            listener.close();
            throw e;
        }
        bound = (InetSocketAddress) listener.getLocalAddress();
        output.say("chat.listening", Endpoints.text(bound));
        loop = new Thread(this::relay, "chat-server");
        loop.start();
    }

    /** The loop: wait for sockets, read, queue broadcasts, write them, watch the clocks; until stop(). */
    private void relay() {
        try {
            while (!stopping) {
                selector.select(this::ready, millisToNextDeadline());
                now = System.nanoTime();
                List<Client> written = List.copyOf(toFlush);
                toFlush.clear();
                for (Client client : written) {
                    flush(client);
                }
                cutStalledClients();
                resumeReadingOnceDrained();
            }
        } catch (IOException | RuntimeException e) {
            output.say("chat.stoppedRelaying", e);
        } finally {
            closeEverything();
        }
    }

    private void ready(SelectionKey key) {
        now = System.nanoTime();
        if (key.attachment() instanceof Client client) {
            if (key.isValid() && key.isWritable()) {
                toFlush.add(client);
            }
            if (key.isValid() && key.isReadable()) {
                read(client);
            }
        } else if (key.isValid() && key.isAcceptable()) {
            acceptSome();
        }
    }

    private void acceptSome() {
        for (int i = 0; i < ACCEPTS_PER_TURN; i++) {
            SocketChannel channel;
            try {
                channel = listener.accept();
            } catch (IOException e) {
                output.say("error", e.getMessage());
                return;
            }
            if (channel == null) {
                return;
            }
            welcome(channel);
        }
    }

    private void welcome(SocketChannel channel) {
        String peer;
        try {
            peer = Endpoints.text(channel.getRemoteAddress());
            if (open.size() >= maxClients) {
                output.say("chat.refused", peer, maxClients);
                closeQuietly(channel);
                return;
            }
            channel.configureBlocking(false);
            // Broadcasts are small and written as soon as they exist: Nagle's wait would only add latency.
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            // A fixed kernel buffer rather than Linux's autotuning (up to 4 MB a socket): a thousand clients
            // that stop reading cannot make the kernel hold gigabytes, and the outbox sees them sooner.
            channel.setOption(StandardSocketOptions.SO_SNDBUF, SEND_BUFFER);
        } catch (IOException e) {
            // Reset between the kernel's accept and ours: nothing was said, nothing to undo.
            closeQuietly(channel);
            return;
        }
        Client client = new Client(channel, nextNumber++);
        try {
            client.key = channel.register(selector, SelectionKey.OP_READ, client);
        } catch (IOException e) {
            closeQuietly(channel);
            return;
        }
        open.add(client);
        openCount = open.size();
        output.say("chat.connected", client.number, peer);
        // The number goes first, before any broadcast: the lab sends it right after accept, before
        // adding the client to its list.
        queue(client, ByteBuffer.wrap(LabProtocol.chatNumber(client.number).getBytes(StandardCharsets.US_ASCII)));
        members.add(client);
        connectedCount = members.size();
    }

    private void read(Client client) {
        boolean member = members.contains(client);
        if (member && !overfull.isEmpty()) {
            pauseReading(client);
            return;
        }
        int length;
        try {
            readBuffer.clear();
            length = client.channel.read(readBuffer);
        } catch (IOException e) {
            drop(client, output.words("chat.vanished", client.number, e.getMessage()));
            return;
        }
        if (length < 0) {
            drop(client, member ? output.words("chat.leftWithoutQuit", client.number) : null);
            return;
        }
        if (length == 0 || !member) {
            return;   // after quit, what the client still sends (the lab's client sends its number) is dropped
        }
        readBuffer.flip().get(received, 0, length);
        output.say("chat.said", client.number, PrintableText.quoted(received, 0, length));
        if (isQuit(received, length)) {
            broadcast(QUIT, QUIT.length);
            output.say("chat.quit", client.number);
            startLeaving(client);
        } else {
            broadcast(received, length);
        }
    }

    /** Queues {@code \n>>message\n} for every connected client, in the same order for all. */
    private void broadcast(byte[] message, int length) {
        byte[] bytes = new byte[BROADCAST_START.length + length + BROADCAST_END.length];
        System.arraycopy(BROADCAST_START, 0, bytes, 0, BROADCAST_START.length);
        System.arraycopy(message, 0, bytes, BROADCAST_START.length, length);
        System.arraycopy(BROADCAST_END, 0, bytes, BROADCAST_START.length + length, BROADCAST_END.length);
        ByteBuffer reply = ByteBuffer.wrap(bytes);
        for (Client member : members) {
            queue(member, reply);
        }
    }

    private void queue(Client client, ByteBuffer bytes) {
        client.outbox.add(bytes, now);
        toFlush.add(client);
        if (client.outbox.queuedBytes() > OUTBOX_HIGH_WATER) {
            overfull.add(client);
        }
    }

    /** Writes what the socket takes; watches for writability only while something is left. */
    private void flush(Client client) {
        if (!client.key.isValid()) {
            return;
        }
        boolean done;
        try {
            done = client.outbox.writeTo(client.channel, now);
            if (done && client.endAfterOutbox && !client.outputShut) {
                client.channel.shutdownOutput();
                client.outputShut = true;
            }
        } catch (IOException e) {
            drop(client, output.words("chat.vanished", client.number, e.getMessage()));
            return;
        }
        int ops = client.key.interestOps();
        client.key.interestOps(done ? ops & ~SelectionKey.OP_WRITE : ops | SelectionKey.OP_WRITE);
        if (client.outbox.queuedBytes() <= OUTBOX_LOW_WATER) {
            overfull.remove(client);
        }
    }

    private void pauseReading(Client client) {
        client.key.interestOps(client.key.interestOps() & ~SelectionKey.OP_READ);
        paused.add(client);
    }

    private void resumeReadingOnceDrained() {
        if (!overfull.isEmpty() || paused.isEmpty()) {
            return;
        }
        for (Client client : paused) {
            if (client.key.isValid()) {
                client.key.interestOps(client.key.interestOps() | SelectionKey.OP_READ);
            }
        }
        paused.clear();
    }

    private void cutStalledClients() {
        if (overfull.isEmpty()) {
            return;
        }
        for (Client client : List.copyOf(overfull)) {
            if (now - client.outbox.lastProgress() >= stallLimitNanos) {
                drop(client, output.words("chat.tooSlow", client.number, client.outbox.queuedBytes(), stallText));
            }
        }
        for (Client client : List.copyOf(leaving)) {
            if (now - client.leavingSince >= QUIT_LINGER.toNanos()) {
                drop(client, output.words("chat.noCloseAfterQuit", client.number, QUIT_LINGER.toSeconds()));
            }
        }
    }

    /** How long the selector may sleep before a clock runs out (0: no clock is running). */
    private long millisToNextDeadline() {
        long nearest = Long.MAX_VALUE;
        for (Client client : overfull) {
            nearest = Math.min(nearest, client.outbox.lastProgress() + stallLimitNanos);
        }
        for (Client client : leaving) {
            nearest = Math.min(nearest, client.leavingSince + QUIT_LINGER.toNanos());
        }
        if (nearest == Long.MAX_VALUE) {
            return 0;
        }
        return Math.max(1, (nearest - System.nanoTime()) / 1_000_000 + 1);
    }

    /** After quit: no more broadcasts; once what is queued is sent, FIN; closed at the client's FIN. */
    private void startLeaving(Client client) {
        members.remove(client);
        connectedCount = members.size();
        leaving.add(client);
        client.leavingSince = now;
        client.endAfterOutbox = true;
        toFlush.add(client);
    }

    /** Closes a client's connection and forgets it; {@code why} is printed unless null. */
    private void drop(Client client, String why) {
        if (!open.remove(client)) {
            return;
        }
        if (why != null) {
            output.accept(why);
        }
        members.remove(client);
        leaving.remove(client);
        overfull.remove(client);
        toFlush.remove(client);
        client.key.cancel();
        closeQuietly(client.channel);
        connectedCount = members.size();
        openCount = open.size();
        exchangeDone();
    }

    private void closeEverything() {
        closeQuietly(listener);
        for (Client client : List.copyOf(open)) {
            drop(client, null);
        }
        closeQuietly(selector);
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
        return connectedCount;
    }

    /** Connections still open: connected clients and clients leaving after quit. */
    public int openConnections() {
        return openCount;
    }

    @Override
    public synchronized InetSocketAddress localAddress() {
        return bound == null ? address : bound;
    }

    @Override
    public synchronized void stop() {
        if (listener == null || stopping) {
            return;
        }
        stopping = true;
        selector.wakeup();
        Threads.join(loop);
        output.say("chat.stopped");
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // Closing is all that is left to do with this socket; a failure changes nothing.
        }
    }

    /** One connected client: its socket, its number and what waits to be sent to it. */
    private static final class Client {
        final SocketChannel channel;
        final int number;
        final Outbox outbox = new Outbox();
        SelectionKey key;
        /** After quit: shut the output down once the outbox is empty. */
        boolean endAfterOutbox;
        boolean outputShut;
        long leavingSince;

        Client(SocketChannel channel, int number) {
            this.channel = channel;
            this.number = number;
        }
    }
}

package org.wirelab.capture.lab;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.wirelab.core.scenario.LabProtocol;

/**
 * The lab's multiThreadClientSocketTCP.py: receives its number from the chat server, then sends each
 * line typed (without its line end, as Python's {@code input()} gives it) while a second thread
 * prints whatever the server broadcasts. Before sending the next line it waits for the broadcast of
 * the previous one (see {@link #sendAndAwaitEcho}), so that piped input is not merged into one message. {@code quit} sends {@code quit} and then the client's number,
 * as the lab does; unlike the lab's client, which exits at once and whose receiving thread would print
 * empty strings forever once the server closed, it waits for the server to close the connection
 * (bounded by {@link #QUIT_TIMEOUT}) and its receiving thread ends at end of stream.
 */
public final class ChatClient implements AutoCloseable {
    public static final String QUIT = LabProtocol.QUIT;
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration QUIT_TIMEOUT = Duration.ofSeconds(5);
    /** How long {@link #chat} waits for a message's broadcast before sending the next line anyway. */
    public static final Duration ECHO_TIMEOUT = Duration.ofSeconds(2);

    private final InetSocketAddress server;
    private final LabConsole output;
    private final CountDownLatch closedByServer = new CountDownLatch(1);
    private Socket socket;
    private Thread receiver;
    private final Object echo = new Object();
    private String awaitedEcho;
    private int number = -1;

    public ChatClient(InetSocketAddress server, LabConsole output) {
        this.server = server;
        this.output = output;
    }

    /** Connects, reads the client's number and starts printing what the server sends. */
    public void connect() throws IOException {
        socket = Connections.connect(server, CONNECT_TIMEOUT, output);
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[1024];
        // Bounded: a server that accepts but never sends a number (not a chat server) must not hang us.
        socket.setSoTimeout((int) CONNECT_TIMEOUT.toMillis());
        int length;
        try {
            length = in.read(buffer);
        } catch (SocketTimeoutException e) {
            socket.close();
            throw new ConnectException(output.words("chatClient.noNumber", Endpoints.text(server),
                    CONNECT_TIMEOUT.toSeconds()));
        }
        socket.setSoTimeout(0);
        int digits = 0;
        while (digits < Math.max(length, 0) && buffer[digits] >= '0' && buffer[digits] <= '9') {
            digits++;
        }
        if (length < 0) {
            socket.close();
            throw new ConnectException(output.words("chatClient.closedAtOnce", Endpoints.text(server)));
        }
        if (digits == 0 || digits > 9) {
            socket.close();
            throw new ConnectException(output.words("chatClient.notChat", Endpoints.text(server)));
        }
        number = Integer.parseInt(new String(buffer, 0, digits, StandardCharsets.US_ASCII));
        output.say("chatClient.connected", Endpoints.text(server), number);
        // A broadcast may have arrived in the same read as the number (the lab's client would crash).
        Lines lines = new Lines(this::received);
        lines.add(buffer, digits, length - digits);
        receiver = new Thread(() -> receive(in, lines), "chat-client-receiver");
        receiver.setDaemon(true);
        receiver.start();
    }

    private void receive(InputStream in, Lines lines) {
        byte[] buffer = new byte[4096];
        try {
            int length;
            while ((length = in.read(buffer)) >= 0) {
                lines.add(buffer, 0, length);
            }
            lines.flush();
            output.say("chatClient.serverClosed");
        } catch (IOException e) {
            lines.flush();
            if (!socket.isClosed()) {
                output.say("chatClient.lost", e.getMessage());
            }
        } finally {
            closedByServer.countDown();
            synchronized (echo) {
                echo.notifyAll();
            }
        }
    }

    /** Prints a received line and notes whether it is the echo {@link #sendAndAwaitEcho} waits for. */
    private void received(String line) {
        output.accept(line);
        synchronized (echo) {
            if (line.equals(awaitedEcho)) {
                awaitedEcho = null;
                echo.notifyAll();
            }
        }
    }

    /**
     * Sends one message and waits until the server's broadcast of it comes back (false after
     * {@code timeout}). The lab's protocol has no message boundaries: two messages written in quick
     * succession may be read, and broadcast, as one ({@code bonjourquit}); waiting for the echo keeps
     * one message per read, as when a person types.
     */
    public boolean sendAndAwaitEcho(String message, Duration timeout) throws IOException, InterruptedException {
        if (message.isEmpty()) {
            return true; // the lab's send(b"") sends nothing, so nothing comes back
        }
        String expected = ">>" + message;
        synchronized (echo) {
            awaitedEcho = expected;
        }
        send(message);
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (echo) {
            while (expected.equals(awaitedEcho) && closedByServer.getCount() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    awaitedEcho = null;
                    return false;
                }
                echo.wait(Math.max(1, left / 1_000_000));
            }
            return !expected.equals(awaitedEcho);
        }
    }

    /** The number the server gave this client. */
    public int number() {
        return number;
    }

    /** Sends one message, without a line end, as the lab's client does. */
    public void send(String message) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(message.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /**
     * Sends {@code quit} then this client's number, as the lab does, and waits for the server to close
     * the connection; false when it did not within {@link #QUIT_TIMEOUT}. The socket is closed either way.
     */
    public boolean quit() throws IOException, InterruptedException {
        try {
            send(QUIT);
            send(Integer.toString(number));
            return awaitClosedByServer(QUIT_TIMEOUT);
        } finally {
            close();
        }
    }

    /** Waits until the server closes the connection (or it breaks); false when the timeout came first. */
    public boolean awaitClosedByServer(Duration timeout) throws InterruptedException {
        return closedByServer.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /**
     * The lab's main loop: sends each line read from {@code keyboard} until {@code quit}, the end of
     * the input (which quits too), or the server closing the connection.
     */
    public void chat(BufferedReader keyboard) throws IOException, InterruptedException {
        String line;
        while ((line = keyboard.readLine()) != null && closedByServer.getCount() > 0) {
            if (line.equals(QUIT)) {
                break;
            }
            sendAndAwaitEcho(line, ECHO_TIMEOUT);
        }
        if (closedByServer.getCount() > 0 && !quit()) {
            output.say("chatClient.noCloseAfterQuit");
        }
        close();
    }

    /** Closes the socket and ends the receiving thread. */
    @Override
    public void close() {
        if (socket == null) {
            return;
        }
        try {
            socket.close();
        } catch (IOException e) {
            // Nothing left to do with this socket.
        }
        if (receiver != null) {
            Threads.join(receiver);
        }
    }

    /** Turns the received stream into printed lines (the broadcasts' {@code \n} delimit them). */
    private static final class Lines {
        private final Consumer<String> output;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        Lines(Consumer<String> output) {
            this.output = output;
        }

        void add(byte[] bytes, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
                if (bytes[i] == '\n') {
                    flush();
                } else {
                    line.write(bytes[i]);
                }
            }
        }

        void flush() {
            if (line.size() > 0) {
                output.accept(line.toString(StandardCharsets.UTF_8));
                line.reset();
            }
        }
    }
}

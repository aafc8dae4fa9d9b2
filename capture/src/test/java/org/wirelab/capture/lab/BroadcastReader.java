package org.wirelab.capture.lab;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * An honest chat client for the hostile-client tests: a thread reads everything the server sends, as
 * fast as it comes, and keeps the broadcasts whose text starts with a marker (the honest messages),
 * counting the others (a flood) without keeping them. Parses the lab's bytes: the client number, then
 * {@code \n>>message\n} for each broadcast.
 */
final class BroadcastReader implements AutoCloseable {
    /** Bytes of a broadcast kept to recognise it; a flood's pieces are longer and are only counted. */
    private static final int KEPT = 64;

    final Socket socket = new Socket();
    private final String marker;
    private final Thread thread;
    private final List<String> marked = new ArrayList<>();
    private long others;
    private long bytes;
    private String number;
    private boolean ended;

    /**
     * Connects; {@code receiveBuffer} bytes of kernel receive buffer (0: the kernel's default), small
     * to make the server's own queue fill sooner, as a slow network would.
     */
    BroadcastReader(InetSocketAddress server, String marker, int receiveBuffer) throws IOException {
        this.marker = marker;
        if (receiveBuffer > 0) {
            socket.setReceiveBufferSize(receiveBuffer);
        }
        socket.connect(server);
        thread = new Thread(this::readAll, "test-broadcast-reader");
        thread.setDaemon(true);
        thread.start();
    }

    private void readAll() {
        byte[] buffer = new byte[65536];
        StringBuilder digits = new StringBuilder();
        // 0: the number; 1: expecting '\n'; 2, 3: expecting '>'; 4: in a message until '\n'.
        int state = 0;
        StringBuilder message = new StringBuilder();
        try {
            InputStream in = socket.getInputStream();
            int length;
            while ((length = in.read(buffer)) >= 0) {
                synchronized (this) {
                    bytes += length;
                    notifyAll();
                }
                for (int i = 0; i < length; i++) {
                    byte b = buffer[i];
                    switch (state) {
                        case 0 -> {
                            if (b >= '0' && b <= '9') {
                                digits.append((char) b);
                                continue;
                            }
                            announceNumber(digits);
                            state = b == '\n' ? 2 : 1;
                        }
                        // Skipping to the next line end: the lab's protocol has no framing, so a broadcast of
                        // binary garbage may hold line ends; the next "\n>>" starts a message again.
                        case 1 -> state = b == '\n' ? 2 : 1;
                        case 2 -> state = b == '>' ? 3 : b == '\n' ? 2 : 1;
                        case 3 -> state = b == '>' ? 4 : b == '\n' ? 2 : 1;
                        case 4 -> {
                            if (b == '\n') {
                                delivered(message.toString());
                                message.setLength(0);
                                state = 1;
                            } else if (message.length() < KEPT) {
                                message.append((char) (b & 0xff));
                            }
                        }
                        default -> throw new IllegalStateException("state " + state);
                    }
                }
                if (state == 0 && digits.length() > 0) {
                    // The server writes its number in one write: one read has all of it.
                    announceNumber(digits);
                    state = 1;
                }
            }
        } catch (IOException | RuntimeException e) {
            // The test's close, or the server cut this client: ended says so.
        } finally {
            synchronized (this) {
                if (number == null) {
                    number = digits.toString();
                }
                ended = true;
                notifyAll();
            }
        }
    }

    private synchronized void announceNumber(StringBuilder digits) {
        number = digits.toString();
        notifyAll();
    }

    private synchronized void delivered(String text) {
        if (text.startsWith(marker)) {
            marked.add(text);
        } else {
            others++;
        }
        notifyAll();
    }

    void send(String text) throws IOException {
        send(text.getBytes(StandardCharsets.UTF_8));
    }

    void send(byte[] bytes) throws IOException {
        socket.getOutputStream().write(bytes);
    }

    /**
     * Sends {@code bytes} and waits until at least as many have come back (their broadcast to this client,
     * pieces framed as the lab frames them), so that closing afterwards cannot cut them short.
     */
    boolean sendAndAwaitEcho(byte[] bytes, Duration timeout) throws IOException, InterruptedException {
        long before = bytes();
        send(bytes);
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            while (this.bytes - before < bytes.length) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || ended) {
                    return false;
                }
                wait(Math.max(1, left / 1_000_000));
            }
        }
        return true;
    }

    /** The number the server gave, once received. */
    synchronized String number(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (number == null && System.nanoTime() < deadline) {
            wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        }
        return number;
    }

    /** Waits until {@code text} was broadcast to this client; false after the timeout or at end of stream. */
    synchronized boolean awaitMessage(String text, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!marked.contains(text)) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || ended) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    /** Waits until {@code count} marked messages arrived (or the stream ended, or the timeout). */
    synchronized List<String> awaitMarked(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (marked.size() < count && !ended) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return List.copyOf(marked);
    }

    synchronized List<String> marked() {
        return List.copyOf(marked);
    }

    synchronized long others() {
        return others;
    }

    synchronized long bytes() {
        return bytes;
    }

    /** True once the server closed the connection (or it broke). */
    synchronized boolean ended() {
        return ended;
    }

    @Override
    public void close() throws IOException {
        socket.close();
        Threads.join(thread);
    }
}

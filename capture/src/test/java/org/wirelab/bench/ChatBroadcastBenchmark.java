package org.wirelab.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.wirelab.capture.lab.ChatServer;

/**
 * Broadcast latency of the lab's chat server: N clients connected, T of them talking at a steady rate;
 * each message carries its sending time, and every client's receipt of it is one latency sample (the
 * time from the talker's write to the moment the client's bytes are read). Prints p50, p99 and the
 * maximum of the samples taken after a warm-up, with the messages delivered and the load average.
 *
 * <p>Usage: {@code ChatBroadcastBenchmark [CLIENTS [TALKERS [MESSAGES_PER_SECOND_EACH [SECONDS]]]]},
 * default 250 clients, 20 talkers, 10 messages a second each, 10 s measured after a 3 s warm-up. The
 * server runs in this JVM; the clients are read by one selector thread, so that the harness costs little
 * beside the server it measures. Run it with bench/chat.sh.
 */
public final class ChatBroadcastBenchmark {
    private static final long WARM_UP_NANOS = 3_000_000_000L;

    public static void main(String[] args) throws Exception {
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 250;
        int talkers = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int rate = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 10;
        try (ChatServer server = new ChatServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                line -> { }, clients + 10)) {
            server.start();
            new ChatBroadcastBenchmark().run(server.localAddress(), clients, talkers, rate, seconds);
        }
    }

    private void run(InetSocketAddress address, int clients, int talkers, int rate, int seconds) throws Exception {
        Selector selector = Selector.open();
        List<SocketChannel> channels = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            SocketChannel channel = SocketChannel.open(address);
            channel.configureBlocking(false);
            channel.register(selector, SelectionKey.OP_READ, new Receiver());
            channels.add(channel);
        }
        long start = System.nanoTime();
        long measureFrom = start + WARM_UP_NANOS;
        long end = measureFrom + seconds * 1_000_000_000L;
        Thread talking = new Thread(() -> talk(channels.subList(0, talkers), rate, start, end), "bench-talkers");
        talking.start();
        long[] samples = new long[(int) Math.min(Integer.MAX_VALUE - 8, (long) clients * talkers * rate * (seconds + 1) + 1024)];
        int count = 0;
        ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        // Read until every message sent before the end has had time to arrive (one more second).
        while (System.nanoTime() < end + 1_000_000_000L) {
            selector.select(100);
            for (SelectionKey key : selector.selectedKeys()) {
                buffer.clear();
                int length = ((SocketChannel) key.channel()).read(buffer);
                long now = System.nanoTime();
                if (length <= 0) {
                    continue;
                }
                Receiver receiver = (Receiver) key.attachment();
                for (int i = 0; i < length; i++) {
                    long sent = receiver.accept(buffer.get(i));
                    if (sent >= measureFrom && sent < end && count < samples.length) {
                        samples[count++] = now - sent;
                    }
                }
            }
            selector.selectedKeys().clear();
        }
        talking.join();
        for (SocketChannel channel : channels) {
            channel.close();
        }
        selector.close();
        long[] sorted = Arrays.copyOf(samples, count);
        Arrays.sort(sorted);
        long expected = (long) clients * talkers * rate * seconds;
        System.out.printf("%d clients, %d talkers x %d messages/s, %d s: %,d deliveries of about %,d expected;"
                        + " latency p50 %.1f ms, p99 %.1f ms, max %.1f ms; load average %s%n",
                clients, talkers, rate, seconds, count, expected, percentile(sorted, 0.50), percentile(sorted, 0.99),
                sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6, loadAverage());
    }

    /** Each talker sends "t<talker>:<nanoTime>" every 1/rate s, the talkers spread over that period. */
    private static void talk(List<SocketChannel> talkers, int rate, long start, long end) {
        long period = 1_000_000_000L / rate;
        long step = period / talkers.size();
        long next = start;
        int turn = 0;
        try {
            while (next < end) {
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                byte[] message = ("t" + turn + ":" + System.nanoTime()).getBytes(StandardCharsets.US_ASCII);
                ByteBuffer bytes = ByteBuffer.wrap(message);
                while (bytes.hasRemaining()) {
                    talkers.get(turn).write(bytes);
                }
                turn = (turn + 1) % talkers.size();
                next += step;
            }
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("a talker failed", e);
        }
    }

    private static double percentile(long[] sorted, double fraction) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) (fraction * sorted.length))] / 1e6;
    }

    private static String loadAverage() {
        try {
            String[] fields = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** Parses one client's stream: its number, then "\n>>t<talker>:<nanos>\n" for each broadcast. */
    private static final class Receiver {
        private int state;        // 0: before "\n>>"; 1: saw '\n'; 2: saw '>'; 3: in the message
        private long value;
        private boolean afterColon;

        /** Takes one byte; returns the sending time when it ends a message, else -1. */
        long accept(byte b) {
            switch (state) {
                case 0 -> state = b == '\n' ? 1 : 0;
                case 1 -> state = b == '>' ? 2 : b == '\n' ? 1 : 0;
                case 2 -> {
                    state = b == '>' ? 3 : 0;
                    value = 0;
                    afterColon = false;
                }
                default -> {
                    if (b == '\n') {
                        state = 1;
                        return afterColon ? value : -1;
                    }
                    if (b == ':') {
                        afterColon = true;
                    } else if (afterColon) {
                        value = value * 10 + (b - '0');
                    }
                }
            }
            return -1;
        }
    }
}

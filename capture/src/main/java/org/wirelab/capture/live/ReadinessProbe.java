package org.wirelab.capture.live;

import java.io.Closeable;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Proves end to end that a loopback capture delivers frames: a UDP datagram sent from a socket of its
 * own to itself, carrying a random token, that the capture recognises and drops. Seeing it means every
 * frame sent afterwards will be seen (libpcap delivers a socket's frames in order), and at stop,
 * seeing a last one means every frame sent before the stop has been delivered.
 *
 * <p>The datagram goes from the probe's port to the same port, so the filter clause that admits it
 * matches no other traffic, and no other program receives it.
 */
final class ReadinessProbe implements Closeable {
    private static final int TOKEN_LENGTH = 16;
    private static final byte[] MARK = "wirelab-ready:".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final DatagramSocket socket;
    private final byte[] payload;
    private final Object sightingsLock = new Object();
    private long sightings;
    private final AtomicLong sent = new AtomicLong();

    ReadinessProbe() throws IOException {
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        byte[] token = new byte[TOKEN_LENGTH];
        new SecureRandom().nextBytes(token);
        payload = Arrays.copyOf(MARK, MARK.length + TOKEN_LENGTH);
        System.arraycopy(token, 0, payload, MARK.length, TOKEN_LENGTH);
    }

    /** The BPF clause that admits the probe's datagrams, to be or-ed with the user's filter. */
    String filterClause() {
        int port = socket.getLocalPort();
        return "udp src port " + port + " and udp dst port " + port;
    }

    /** The filter to set: the user's, widened to admit the probe. */
    String widen(String userFilter) {
        return userFilter.isEmpty() ? "" : "(" + userFilter + ") or (" + filterClause() + ")";
    }

    void send() throws IOException {
        socket.send(new DatagramPacket(payload, payload.length, socket.getLocalSocketAddress()));
        sent.incrementAndGet();
    }

    /**
     * Probe datagrams sent so far: what the capturing program counted besides the user's frames. It may
     * be more than {@link #sightings()}: a probe resent because the first was slow to come through
     * (dumpcap's queue and pipe) can still be on its way when the capture stops.
     */
    long sent() {
        return sent.get();
    }

    /** Whether a captured frame is one of the probe's datagrams: its last bytes are the payload. */
    boolean isProbe(byte[] frame, int offset, int length) {
        return length >= payload.length
                && Arrays.equals(frame, offset + length - payload.length, offset + length, payload, 0, payload.length);
    }

    /** Called on the capture thread for each probe frame seen. */
    void seen() {
        synchronized (sightingsLock) {
            sightings++;
            sightingsLock.notifyAll();
        }
    }

    /** Probe datagrams seen so far. */
    long sightings() {
        synchronized (sightingsLock) {
            return sightings;
        }
    }

    /**
     * Sends probes until one more than {@code before} has been seen, resending every {@code interval}
     * millis; returns false when {@code timeout} millis pass first.
     */
    boolean sendAndAwait(long timeoutMillis, long intervalMillis) throws IOException, InterruptedException {
        long before = sightings();
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        while (true) {
            send();
            long resendAt = Math.min(deadline, System.nanoTime() + intervalMillis * 1_000_000L);
            synchronized (sightingsLock) {
                for (long left = resendAt - System.nanoTime(); sightings == before && left > 0;
                        left = resendAt - System.nanoTime()) {
                    sightingsLock.wait(Math.max(1, left / 1_000_000L));
                }
                if (sightings > before) {
                    return true;
                }
            }
            if (System.nanoTime() >= deadline) {
                return false;
            }
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}

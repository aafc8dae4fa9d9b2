package org.wirelab.capture.lab;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.GatheringByteChannel;
import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * What the chat server still has to send to one client, in order. A broadcast is one buffer shared by
 * every client's outbox (each keeps its own position), so a message costs its bytes once however many
 * clients wait for it; what is queued is sent with one gathering write per turn of the server's loop.
 * Used by the server's loop thread only.
 */
final class Outbox {
    /** Buffers handed to one write: the kernel's iovec limit is 1024; a few dozen fill a socket buffer. */
    private static final int GATHER = 64;

    private final ArrayDeque<ByteBuffer> pending = new ArrayDeque<>();
    private final ByteBuffer[] gather = new ByteBuffer[GATHER];
    private long queuedBytes;
    private long lastProgress;

    /** Queues {@code message} (not changed: a view of it is queued); {@code now} from System.nanoTime(). */
    void add(ByteBuffer message, long now) {
        if (pending.isEmpty()) {
            lastProgress = now;
        }
        ByteBuffer view = message.duplicate();
        pending.add(view);
        queuedBytes += view.remaining();
    }

    /** Bytes queued and not yet accepted by the socket. */
    long queuedBytes() {
        return queuedBytes;
    }

    boolean isEmpty() {
        return pending.isEmpty();
    }

    /** When the client last took bytes (or, for an outbox that was empty, when bytes were first queued). */
    long lastProgress() {
        return lastProgress;
    }

    /** Writes as much as the socket accepts now; true when nothing is left queued. */
    boolean writeTo(GatheringByteChannel channel, long now) throws IOException {
        while (!pending.isEmpty()) {
            int count = 0;
            long offered = 0;
            for (ByteBuffer buffer : pending) {
                gather[count++] = buffer;
                offered += buffer.remaining();
                if (count == GATHER) {
                    break;
                }
            }
            long written = channel.write(gather, 0, count);
            Arrays.fill(gather, 0, count, null);
            if (written > 0) {
                queuedBytes -= written;
                lastProgress = now;
            }
            while (!pending.isEmpty() && !pending.peek().hasRemaining()) {
                pending.poll();
            }
            if (written < offered) {
                return false;    // the socket's buffer is full: the rest waits until it is writable
            }
        }
        return true;
    }
}

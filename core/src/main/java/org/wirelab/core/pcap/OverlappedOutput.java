package org.wirelab.core.pcap;

import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.WritableByteChannel;
import java.util.ArrayDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Direct buffers in front of a channel: the caller fills one while a background thread hands the full
 * ones to the kernel, in order. Writing a simulated gigabyte then costs the producer its copy into the
 * buffer only, and the kernel's copy runs on the other core. Up to {@value #MAX_BUFFERS} buffers may
 * wait for the writer (a second one is made only when the first is still being written, and so on):
 * on a busy machine the writer thread can wait tens of milliseconds for a core, and with a single
 * spare buffer the producer waited with it at nearly every hand-off. {@link #flush()} and
 * {@link #close()} wait until everything given is written, and a failed background write is thrown by
 * a later call.
 */
final class OverlappedOutput implements Closeable {
    /** Buffers at most, the one being filled included. */
    static final int MAX_BUFFERS = 8;

    private final WritableByteChannel channel;
    private final int bufferBytes;
    private ByteBuffer filling;
    /** Buffers handed to the writer thread, oldest first, each with its write. */
    private final ArrayDeque<ByteBuffer> pendingBuffers = new ArrayDeque<>();
    private final ArrayDeque<Future<?>> pendingWrites = new ArrayDeque<>();
    /** Buffers written and ready to fill again. */
    private final ArrayDeque<ByteBuffer> free = new ArrayDeque<>();
    private int buffers = 1;
    private ExecutorService writerThread;

    OverlappedOutput(WritableByteChannel channel, int bufferBytes) {
        this.channel = channel;
        this.bufferBytes = bufferBytes;
        this.filling = newBuffer();
    }

    /** The buffer to put the next {@code bytes} into, after handing the full one off if they do not fit. */
    ByteBuffer room(int bytes) throws IOException {
        if (filling.remaining() < bytes) {
            handOff();
            if (filling.remaining() < bytes) {
                throw new IllegalArgumentException(bytes + " bytes are more than a buffer of "
                        + filling.capacity() + " holds");
            }
        }
        return filling;
    }

    /** Waits until every byte given so far is in the channel. */
    void flush() throws IOException {
        while (!pendingWrites.isEmpty()) {
            awaitOldestWrite();
        }
        writeFully(filling.flip());
        filling.clear();
    }

    @Override
    public void close() throws IOException {
        try (channel) {
            flush();
        } finally {
            if (writerThread != null) {
                writerThread.shutdown();
            }
        }
    }

    private void handOff() throws IOException {
        ByteBuffer full = filling.flip();
        pendingBuffers.addLast(full);
        pendingWrites.addLast(writerThread().submit(() -> {
            writeFully(full);
            return null;
        }));
        while (!pendingWrites.isEmpty() && pendingWrites.peekFirst().isDone()) {
            awaitOldestWrite();
        }
        if (free.isEmpty() && buffers < MAX_BUFFERS) {
            buffers++;
            free.addLast(newBuffer());
        }
        if (free.isEmpty()) {
            awaitOldestWrite();
        }
        filling = free.removeFirst();
    }

    /**
     * Waits for the oldest background write and takes its buffer back; its failure is thrown once (the
     * buffer is reused all the same), and later writes go on.
     */
    private void awaitOldestWrite() throws IOException {
        try {
            pendingWrites.peekFirst().get();
        } catch (ExecutionException e) {
            takeBackOldest();
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException(e.getCause());
        } catch (InterruptedException e) {
            // The write goes on: its buffer stays with it.
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while the pcap file was being written");
        }
        takeBackOldest();
    }

    private void takeBackOldest() {
        pendingWrites.removeFirst();
        free.addLast(pendingBuffers.removeFirst().clear());
    }

    private ByteBuffer newBuffer() {
        return ByteBuffer.allocateDirect(bufferBytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    private ExecutorService writerThread() {
        if (writerThread == null) {
            writerThread = Executors.newSingleThreadExecutor(task -> {
                Thread thread = new Thread(task, "pcap writer");
                thread.setDaemon(true);
                return thread;
            });
        }
        return writerThread;
    }

    private void writeFully(ByteBuffer bytes) throws IOException {
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
    }
}

package org.wirelab.core.pcap;

import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.WritableByteChannel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Two direct buffers in front of a channel: the caller fills one while a background thread hands the
 * other to the kernel. Writing a simulated gigabyte then costs the producer its copy into the buffer
 * only, and the kernel's copy runs on the other core. {@link #flush()} and {@link #close()} wait until
 * everything given is written, and a failed background write is thrown by the next call.
 */
final class OverlappedOutput implements Closeable {
    private final WritableByteChannel channel;
    private ByteBuffer filling;
    private ByteBuffer written;
    private Future<?> pendingWrite = CompletableFuture.completedFuture(null);
    private ExecutorService writerThread;

    OverlappedOutput(WritableByteChannel channel, int bufferBytes) {
        this.channel = channel;
        this.filling = ByteBuffer.allocateDirect(bufferBytes).order(ByteOrder.LITTLE_ENDIAN);
        this.written = ByteBuffer.allocateDirect(bufferBytes).order(ByteOrder.LITTLE_ENDIAN);
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
        awaitPendingWrite();
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
        awaitPendingWrite();
        ByteBuffer full = filling.flip();
        filling = written.clear();
        written = full;
        pendingWrite = writerThread().submit(() -> {
            writeFully(full);
            return null;
        });
    }

    /** Waits for the background write; its failure is thrown once, then the next write tries again. */
    private void awaitPendingWrite() throws IOException {
        try {
            pendingWrite.get();
        } catch (ExecutionException e) {
            pendingWrite = CompletableFuture.completedFuture(null);
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while the pcap file was being written");
        }
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

package org.wirelab.capture.live;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Carries frames from the capture thread to the sink on a thread of its own, so that the capture
 * thread only copies: a burst on loopback reaches hundreds of thousands of frames per second, and a
 * sink that writes a file must not hold the capture thread up meanwhile (the kernel buffer would
 * overflow and drop frames, as it did when every frame was written and flushed on the capture thread).
 *
 * <p>One producer, one consumer, nothing allocated per frame: the frames' bytes go into one
 * preallocated circular byte array and their fields into preallocated columns; each side publishes
 * how far it got with an ordered write. When the ring is full the capture thread waits (the kernel
 * buffer holds the frames meanwhile). The sink thread hands each frame to the sink and calls
 * {@link FrameSink#caughtUp()} whenever no frame is waiting: after every frame of a lab exchange,
 * once per burst under load.
 */
final class FrameRelay {
    /** Frames in flight at most; a power of two. 64 Ki frames of 100 bytes are a few milliseconds of a burst. */
    static final int DEFAULT_FRAMES = 1 << 16;
    /** Bytes in flight at most: 64 Ki frames of 100-byte datagrams (142 bytes on lo), or 256 frames of 64 KiB. */
    static final int DEFAULT_BYTES = 16 << 20;
    /** How long the sink thread sleeps when idle before looking again, should a wake-up be missed. */
    private static final long IDLE_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final FrameSink sink;
    private final byte[] data;
    private final long[] timestamps;
    private final int[] offsets;
    private final int[] lengths;
    private final int[] originalLengths;
    private final int[] linkTypes;
    private final int mask;
    private final Thread thread;

    // Producer side (capture thread): frames published, and the absolute byte position written up to.
    private final AtomicLong published = new AtomicLong();
    private long writePosition;
    // Consumer side (sink thread): frames delivered, and the absolute byte position freed up to.
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong freedPosition = new AtomicLong();
    private final long[] frameEnds;            // absolute byte position after each frame

    private volatile boolean sinkWaiting;
    private volatile boolean finishing;
    private volatile Throwable failure;
    private final Runnable onFailure;

    /**
     * @param onFailure called once, on the sink thread, when the sink throws: the capture should stop
     */
    FrameRelay(FrameSink sink, int frames, int bytes, String name, Runnable onFailure) {
        if (Integer.bitCount(frames) != 1) {
            throw new IllegalArgumentException("frames must be a power of two: " + frames);
        }
        this.sink = sink;
        this.onFailure = onFailure;
        data = new byte[bytes];
        timestamps = new long[frames];
        offsets = new int[frames];
        lengths = new int[frames];
        originalLengths = new int[frames];
        linkTypes = new int[frames];
        frameEnds = new long[frames];
        mask = frames - 1;
        thread = new Thread(this::deliverLoop, name);
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /**
     * Copies one frame into the ring (capture thread only); waits while the ring is full. Frames
     * larger than the whole ring are cut to its size (never on lo: it holds 16 MiB, a frame 64 KiB).
     */
    void put(long timestampNanos, int linkType, byte[] bytes, int offset, int length, int originalLength) {
        if (failure != null) {
            return;
        }
        int captured = Math.min(length, data.length);
        long frame = published.get();
        long start = writePosition;
        int physical = (int) (start % data.length);
        if (physical + captured > data.length) {
            // The frame does not fit before the end of the array: it starts again at 0, skipping the tail.
            start += data.length - physical;
            physical = 0;
        }
        long end = start + captured;
        awaitRoom(frame, end);
        if (failure != null) {
            return;
        }
        System.arraycopy(bytes, offset, data, physical, captured);
        int slot = (int) (frame & mask);
        timestamps[slot] = timestampNanos;
        offsets[slot] = physical;
        lengths[slot] = captured;
        originalLengths[slot] = Math.max(originalLength, captured);
        linkTypes[slot] = linkType;
        frameEnds[slot] = end;
        writePosition = end;
        // An ordered write: the sink thread that sees the new count sees the frame's bytes and fields.
        published.lazySet(frame + 1);
        // Not a full fence: a sink thread that went to sleep just now may be missed, and then sleeps
        // IDLE_PARK_NANOS at most.
        if (sinkWaiting) {
            LockSupport.unpark(thread);
        }
    }

    /**
     * Waits until slot {@code frame} is free and bytes up to {@code end} are no longer in use, looking
     * again every 100 µs: the kernel buffer holds the frames that arrive meanwhile.
     */
    private void awaitRoom(long frame, long end) {
        while ((frame - delivered.get() >= timestamps.length || end - freedPosition.get() > data.length)
                && failure == null) {
            LockSupport.parkNanos(this, TimeUnit.MICROSECONDS.toNanos(100));
        }
    }

    /**
     * Delivers what is still in the ring, then stops the sink thread: call once the capture thread
     * has ended. Returns the sink's failure, if it failed.
     */
    Throwable finish() throws InterruptedException {
        finishing = true;
        LockSupport.unpark(thread);
        thread.join();
        return failure;
    }

    /** Frames handed to the sink so far. */
    long delivered() {
        return delivered.get();
    }

    private void deliverLoop() {
        try {
            while (true) {
                long available = published.get();
                long next = delivered.get();
                if (next < available) {
                    deliver(next, available);
                    continue;
                }
                sink.caughtUp();
                if (finishing && published.get() == delivered.get()) {
                    return;
                }
                sinkWaiting = true;
                if (published.get() == delivered.get() && !finishing) {
                    LockSupport.parkNanos(this, IDLE_PARK_NANOS);
                }
                sinkWaiting = false;
            }
        } catch (IOException | RuntimeException e) {
            failure = e;
            onFailure.run();
        }
    }

    /** Hands frames {@code from} (inclusive) to {@code to} (exclusive) to the sink, freeing their room as it goes. */
    private void deliver(long from, long to) throws IOException {
        for (long frame = from; frame < to; frame++) {
            int slot = (int) (frame & mask);
            sink.frame(timestamps[slot], linkTypes[slot], data, offsets[slot], lengths[slot], originalLengths[slot]);
            freedPosition.lazySet(frameEnds[slot]);
            delivered.lazySet(frame + 1);
        }
    }
}

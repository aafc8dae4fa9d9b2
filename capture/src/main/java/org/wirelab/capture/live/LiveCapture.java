package org.wirelab.capture.live;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A live capture on one interface: every frame the filter accepts is handed, as raw bytes with a
 * nanosecond timestamp, to a {@link FrameSink} on a capture thread of its own. The frames come from
 * libpcap in this process where it may capture (root, or CAP_NET_RAW), else from Wireshark's dumpcap,
 * which lab machines let students run with its capture capability; either way no library type leaves
 * this package: the frames are the same model a capture file gives.
 *
 * <pre>{@code
 * try (LiveCapture capture = LiveCapture.open(CaptureSettings.loopbackPorts(3000))) {
 *     FrameStore frames = new FrameStore();
 *     capture.start(FrameSink.into(frames));   // returns once frames are known to be captured
 *     ... run the exchange ...
 *     CaptureStatistics statistics = capture.stop();   // every frame sent before stop() is in frames
 * }
 * }</pre>
 *
 * The kernel buffers matching frames from the moment {@link #open} returns; {@link #start} returns
 * once delivery is proven. On a loopback interface the proof is a {@link ReadinessProbe} datagram
 * that went through the capture (and never reaches the sink); on other interfaces it is that the loop
 * has started, which is as much as libpcap tells.
 *
 * <p>Not done on purpose: adding BPF's {@code inbound} to drop lo's outgoing copy of each packet in
 * the kernel. libpcap filters the frames already buffered when a filter is set in user space, where
 * the packet type is unknown, and measured here it lost the first frames of the capture.
 */
public final class LiveCapture implements AutoCloseable {
    /*
     * Each wait below ends as soon as its condition holds (a probe seen, the loop ended), normally within
     * milliseconds; the limits are for a machine twenty times slower than a quiet one (a lab machine with
     * several builds running, CI), where a capture that gave up early would lose the last frames.
     */
    /** How long start() waits for its probe; the first one is normally seen within a millisecond. */
    private static final long READY_TIMEOUT_MILLIS = 30_000;
    private static final long PROBE_INTERVAL_MILLIS = 100;
    /** How long stop() waits for frames still queued in the kernel buffer (or dumpcap's pipe) to be delivered. */
    private static final long DRAIN_TIMEOUT_MILLIS = 30_000;
    private static final long STOP_TIMEOUT_MILLIS = 30_000;

    private final CaptureSettings settings;
    private final FrameTap tap;
    private final ReadinessProbe probe;   // null on an interface that is not a loopback one
    private Thread loopThread;
    private FrameRelay relay;             // carries frames from the capture thread to the sink's thread
    private volatile Throwable failure;
    private CaptureStatistics statistics;
    private boolean closed;

    private LiveCapture(CaptureSettings settings, FrameTap tap, ReadinessProbe probe) {
        this.settings = settings;
        this.tap = tap;
        this.probe = probe;
    }

    /**
     * Opens the interface and sets the filter, so that a missing libpcap or privilege shows before
     * anything else runs; frames are captured once {@link #start} returns. libpcap is tried first;
     * when it is refused the privilege, dumpcap is started if this user may run it.
     *
     * @throws CaptureUnavailableException when libpcap is missing, neither libpcap nor dumpcap may
     *         capture, the interface does not exist or the filter does not compile, with the message to show
     */
    public static LiveCapture open(CaptureSettings settings) throws CaptureUnavailableException, IOException {
        Handles.libraryVersion();
        ReadinessProbe probe = Handles.isLoopback(settings.interfaceName()) ? new ReadinessProbe() : null;
        try {
            String filter = probe == null ? settings.filter() : probe.widen(settings.filter());
            return new LiveCapture(settings, CaptureAvailability.openTap(settings, filter), probe);
        } catch (CaptureUnavailableException | IOException | RuntimeException e) {
            if (probe != null) {
                probe.close();
            }
            throw e;
        }
    }

    /** The link-layer header type of every frame (LINKTYPE_ETHERNET on Linux's lo), for a pcap writer. */
    public int linkType() {
        return tap.linkType();
    }

    public CaptureSettings settings() {
        return settings;
    }

    /** Whether the frames come through a dumpcap process (this process may not capture itself). */
    public boolean throughDumpcap() {
        return tap instanceof DumpcapTap;
    }

    /**
     * Starts delivering frames to {@code sink} and returns once the capture is proven live (on
     * loopback: its probe datagram came back through the capture).
     *
     * @throws IOException when the probe was not seen in time (the capture is stopped then)
     */
    public synchronized void start(FrameSink sink) throws IOException {
        if (loopThread != null || closed) {
            throw new IllegalStateException("a LiveCapture starts once");
        }
        relay = new FrameRelay(sink, FrameRelay.DEFAULT_FRAMES, FrameRelay.DEFAULT_BYTES,
                "wirelab-capture-sink-" + settings.interfaceName(), () -> recordFailure(null));
        relay.start();
        loopThread = new Thread(this::runLoop, "wirelab-capture-" + settings.interfaceName());
        // A daemon, so a program that forgets stop() still exits; stop() is what flushes and joins.
        loopThread.setDaemon(true);
        loopThread.start();
        if (probe == null) {
            return;
        }
        boolean ready;
        try {
            ready = probe.sendAndAwait(READY_TIMEOUT_MILLIS, PROBE_INTERVAL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopQuietly();
            throw new IOException("interrupted while waiting for the capture on " + settings.interfaceName()
                    + " to become ready", e);
        }
        Throwable cause = failure;
        if (!ready || cause != null) {
            stopQuietly();
            throw new IOException("the capture on " + settings.interfaceName() + " did not see its own readiness"
                    + " datagram within " + READY_TIMEOUT_MILLIS + " ms" + (cause == null ? "" : ": " + cause), cause);
        }
    }

    /**
     * Stops the capture: on loopback waits until frames sent before this call have been delivered,
     * stops the capture loop (or dumpcap) and joins the capture thread, reads the counters and
     * releases the interface. Safe to call more than once; later calls return the same statistics.
     *
     * @throws IOException when the sink failed (the capture stopped at that frame)
     */
    public synchronized CaptureStatistics stop() throws IOException {
        if (statistics == null) {
            statistics = halt();
        }
        Throwable cause = failure;
        if (cause instanceof IOException io) {
            throw io;
        }
        if (cause instanceof UncheckedIOException unchecked) {
            throw unchecked.getCause();
        }
        if (cause != null) {
            throw new IOException("the capture on " + settings.interfaceName() + " failed: " + cause, cause);
        }
        return statistics;
    }

    /** Stops the capture if it runs and releases the interface; statistics stay readable from stop(). */
    @Override
    public synchronized void close() {
        stopQuietly();
    }

    private void stopQuietly() {
        if (statistics == null) {
            statistics = halt();
        }
    }

    private CaptureStatistics halt() {
        if (closed) {
            throw new IllegalStateException("closed");
        }
        try {
            if (loopThread != null) {
                drain();
                interruptAndJoin();
                finishRelay();
            }
            return readStatistics();
        } finally {
            closed = true;
            // pcap4j's close() waits for the loop to release the handle: never close under a running loop.
            if (loopThread == null || !loopThread.isAlive()) {
                tap.close();
            }
            if (probe != null) {
                probe.close();
            }
        }
    }

    /** On loopback, one more probe: once it is seen, every frame queued before it has been delivered. */
    private void drain() {
        if (probe == null || !loopThread.isAlive()) {
            return;
        }
        try {
            probe.sendAndAwait(DRAIN_TIMEOUT_MILLIS, PROBE_INTERVAL_MILLIS);
        } catch (IOException e) {
            // Draining is a best effort; the capture itself is fine, so stop without it.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void interruptAndJoin() {
        long deadline = System.nanoTime() + STOP_TIMEOUT_MILLIS * 1_000_000L;
        boolean interrupted = false;
        while (loopThread.isAlive()) {
            tap.interrupt();
            try {
                loopThread.join(50);
            } catch (InterruptedException e) {
                interrupted = true;
            }
            if (System.nanoTime() > deadline && loopThread.isAlive()) {
                throw new IllegalStateException("the capture thread on " + settings.interfaceName()
                        + " did not stop within " + STOP_TIMEOUT_MILLIS + " ms");
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Lets the sink's thread deliver every frame still in the relay, and takes its failure, if any. */
    private void finishRelay() {
        try {
            Throwable sinkFailure = relay.finish();
            if (sinkFailure != null && failure == null) {
                failure = sinkFailure;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private CaptureStatistics readStatistics() {
        FrameTap.Counters counters = tap.counters();
        long frames = relay == null ? 0 : relay.delivered();
        return new CaptureStatistics(settings.interfaceName(), probe != null, frames, probeFramesCounted(),
                counters.received(), counters.dropped(), counters.droppedByInterface(), counters.source());
    }

    /**
     * The readiness datagrams inside the capturing program's count. A probe resent at stop may still be
     * on its way when the capture ends: dumpcap, which counts what it wrote, never counted it, so only
     * the probes seen are its; libpcap's kernel may have counted it unread, so every probe sent is.
     */
    private long probeFramesCounted() {
        if (probe == null) {
            return 0;
        }
        return tap.receivedCountsOnlyDeliveredFrames() ? probe.sightings() : probe.sent();
    }

    private void runLoop() {
        try {
            tap.run(this::deliver);
        } catch (IOException | RuntimeException e) {
            recordFailure(e);
        }
    }

    private void deliver(long timestampNanos, int linkType, byte[] bytes, int offset, int length, int originalLength) {
        if (failure != null) {
            return;
        }
        if (probe != null && probe.isProbe(bytes, offset, length)) {
            probe.seen();
            return;
        }
        relay.put(timestampNanos, linkType, bytes, offset, length, originalLength);
    }

    /**
     * Stops the capture after a failure: the tap's ({@code e}), or the sink's ({@code null}: the relay
     * keeps it, and stop() takes it from there).
     */
    private void recordFailure(Throwable e) {
        if (failure == null && e != null) {
            failure = e;
        }
        tap.interrupt();
        if (probe != null) {
            // Wake a start() or stop() that waits for a probe that will never be seen now.
            probe.seen();
        }
    }
}

package org.wirelab.source;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.Executor;
import org.wirelab.source.Capture;
import org.wirelab.core.frame.FrameStore;
import org.wirelab.core.text.OutOfMemoryMessage;

/**
 * Runs one {@link FrameSource} on a background thread and reports to the UI through {@code uiThread}:
 * a new {@link Capture} of the frames so far at most every {@link #PUBLISH_MILLIS} while frames
 * arrive (and at once for a source's {@link FrameFeed#beginning beginning}), the progress, and once at
 * the end the complete capture or why the source stopped. The frames before a failure are kept and
 * shown.
 */
public final class SourceRun {
    /** Live frames appear within a quarter second; re-analysing more often would only cost CPU. */
    static final long PUBLISH_MILLIS = 250;
    /** The analysis's progress is told at most this often: the status line moves, the UI thread is not flooded. */
    static final long ANALYSIS_PROGRESS_MILLIS = 100;

    /** What the UI hears, always on its own thread. */
    public interface Listener {
        /** A newer state of the capture to show (frames read so far, analysed). */
        default void published(Capture capture) {
        }

        /** How far the source has read, from 0 to 1. */
        default void progress(double fraction) {
        }

        /** How many frames the source has read so far, published or not yet (a long file being read). */
        default void counted(int framesRead) {
        }

        /** Every frame is delivered, and the whole capture's analysis has made {@code fraction} of {@code step}. */
        default void analysing(AnalysisStep step, double fraction) {
        }

        /** The source ended: {@code error} is null when it ended normally or was cancelled. */
        void finished(Capture capture, String error);
    }

    private final FrameSource source;
    private final Executor uiThread;
    private final Listener listener;
    private final Collector collector = new Collector();
    /** Made before it is needed: there may be no memory left to make it then. */
    private final String outOfMemory;
    private volatile Capture lastPublished;
    /** The source is asked to stop reading. */
    private volatile boolean cancelled;
    /** Every frame is read: a cancel now stops the whole capture's analysis. */
    private volatile boolean readingEnded;
    /** The whole capture's analysis is asked to stop: the capture shown last stays. */
    private volatile boolean analysisCancelled;
    /**
     * The size of the largest capture shown: a first screen whose analysis ends late must not replace a
     * larger one. Guarded by {@code shown} (a test's executor may run on any thread).
     */
    private final Object shown = new Object();
    private int shownSize;
    private Thread thread;

    public SourceRun(FrameSource source, Executor uiThread, Listener listener) {
        this.source = source;
        this.uiThread = uiThread;
        this.listener = listener;
        this.outOfMemory = OutOfMemoryMessage.forWindow(Runtime.getRuntime().maxMemory(), source.language());
    }

    public FrameSource source() {
        return source;
    }

    /** Starts the source; returns at once. */
    public synchronized void start() {
        thread = new Thread(this::runSource, "wirelab-source");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Asks the source to stop; the frames delivered so far stay, analysed. Once every frame is read, asks
     * the analysis to stop instead, and the capture shown last stays.
     */
    public void cancel() {
        cancelled = true;
        if (readingEnded) {
            analysisCancelled = true;
        }
    }

    /** Stops the source and any analysis of it: another source replaces this one, nothing of it will be shown. */
    public void abandon() {
        analysisCancelled = true;
        cancelled = true;
    }

    /** Waits until the source has finished (tests). */
    public void join() throws InterruptedException {
        Thread running;
        synchronized (this) {
            running = thread;
        }
        running.join();
    }

    private void runSource() {
        Thread publisher = new Thread(this::publishWhileRunning, "wirelab-source-publisher");
        publisher.setDaemon(true);
        publisher.start();
        String error = null;
        try {
            source.run(collector);
        } catch (CancelledException e) {
            error = null;
        } catch (Exception | LinkageError e) {
            error = e.getMessage() == null ? e.toString() : e.getMessage();
        } catch (OutOfMemoryError e) {
            // A file larger than the heap: say so, and keep what was read, rather than load for ever.
            error = outOfMemory;
        } finally {
            publisher.interrupt();
            readingEnded = true;
        }
        // Every frame is read: said at once, not at the publisher's next turn (which would not come), since
        // the analysis of a large capture that follows takes seconds.
        double read = collector.progress;
        int counted = collector.counted;
        uiThread.execute(() -> {
            listener.progress(read);
            listener.counted(counted);
        });
        try {
            publisher.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Capture last;
        try {
            last = collector.snapshot(true);
        } catch (CancelledException e) {
            Capture shown = lastPublished;
            last = shown != null ? shown : Capture.empty(source.title());
        } catch (OutOfMemoryError e) {
            // Analysing every frame read needs more than the heap has: the last capture shown stays.
            error = outOfMemory;
            Capture shown = lastPublished;
            last = shown != null ? shown : Capture.empty(source.title());
        }
        String reason = error;
        Capture ended = last;
        // The whole capture is analysed while the first screen still may be; it is told after it.
        collector.awaitFirstScreen();
        uiThread.execute(() -> listener.finished(ended, reason));
    }

    private void publishWhileRunning() {
        int published = 0;
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(PUBLISH_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            double progress = collector.progress;
            uiThread.execute(() -> listener.progress(progress));
            int counted = collector.counted;
            uiThread.execute(() -> listener.counted(counted));
            if (collector.size() != published) {
                Capture capture = collector.snapshot(false);
                if (capture == null) {
                    continue;
                }
                published = capture.size();
                lastPublished = capture;
                publish(capture);
            }
        }
    }

    /** Shows {@code capture} unless a larger one is shown already. */
    private void publish(Capture capture) {
        uiThread.execute(() -> {
            synchronized (shown) {
                if (capture.size() < shownSize) {
                    return;
                }
                shownSize = capture.size();
            }
            listener.published(capture);
        });
    }

    /** Thrown by a source that noticed the cancellation; ends the run quietly. */
    public static final class CancelledException extends RuntimeException {
        public CancelledException() {
            super("cancelled", null, false, false);
        }
    }

    /** The frames so far, appended by the source's thread and copied for each snapshot. */
    private final class Collector implements FrameFeed {
        private final List<String> warnings = new ArrayList<>();
        private final BitSet lost = new BitSet();
        private FrameStore store = new FrameStore();
        /** Every frame came at once ({@link #frames}): the whole capture's analysis follows, nothing before it. */
        private boolean whole;
        private volatile double progress;
        private volatile int counted;
        /** Analyses the beginning, if there is one; the end is told after it. */
        private volatile Thread firstScreen;

        @Override
        public synchronized void frame(long timestampNanos, int linkType, byte[] bytes, int offset, int capturedLength,
                int originalLength) {
            store.append(timestampNanos, linkType, bytes, offset, capturedLength, originalLength);
        }

        @Override
        public synchronized void frames(FrameStore frames) {
            whole = true;
            if (store.size() == 0) {
                store = frames;
            } else {
                for (int i = 0; i < frames.size(); i++) {
                    store.append(frames.frame(i));
                }
            }
        }

        /**
         * Analysed on a thread of its own, so that the source reads on (and its count moves) while the
         * first screen is made: on a busy machine the first analysis, with its classes loaded, takes seconds.
         */
        @Override
        public void beginning(FrameStore firstFrames) {
            BitSet lostSoFar = lostSoFar();
            firstScreen = new Thread(() -> {
                Capture first = new Capture(source.title(), firstFrames, List.of(), false, lostSoFar);
                if (lastPublished == null) {
                    lastPublished = first;
                }
                publish(first);
            }, "wirelab-first-screen");
            firstScreen.setDaemon(true);
            firstScreen.start();
        }

        /** The first screen, analysed on its own thread, is published before the last capture. */
        void awaitFirstScreen() {
            Thread analysing = firstScreen;
            if (analysing == null) {
                return;
            }
            try {
                analysing.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private synchronized BitSet lostSoFar() {
            return (BitSet) lost.clone();
        }

        @Override
        public synchronized void lost(int frameNumber) {
            lost.set(frameNumber);
        }

        @Override
        public synchronized void warn(String message) {
            warnings.add(message);
        }

        @Override
        public void counted(int framesRead) {
            counted = framesRead;
        }

        @Override
        public void progress(double fraction) {
            progress = fraction;
        }

        @Override
        public boolean cancelled() {
            return cancelled;
        }

        synchronized int size() {
            return store.size();
        }

        /**
         * The views read a capture's store on the FX thread while the source appends here, so a
         * capture still growing gets a copy; the final one takes the store itself. Null for a capture
         * still growing when the source has handed every frame at once: analysing a million frames twice,
         * once without telling how far it has gone, would keep the person waiting for seconds.
         */
        Capture snapshot(boolean last) {
            FrameStore frames;
            List<String> warned;
            BitSet lostFrames;
            synchronized (this) {
                if (!last && whole) {
                    return null;
                }
                warned = List.copyOf(warnings);
                lostFrames = (BitSet) lost.clone();
                if (last) {
                    frames = store;
                } else {
                    frames = new FrameStore();
                    for (int i = 0; i < store.size(); i++) {
                        frames.append(store.timestampNanos(i), store.linkType(i), store.buffer(i), store.offset(i),
                                store.capturedLength(i), store.originalLength(i));
                    }
                }
            }
            if (!last) {
                return new Capture(source.title(), frames, warned, false, lostFrames);
            }
            return new Capture(source.title(), frames, warned, true, lostFrames, new AnalysisProgress() {
                private AnalysisStep told;
                private long toldAt;

                @Override
                public void reached(AnalysisStep step, double fraction) {
                    if (analysisCancelled) {
                        throw new CancelledException();
                    }
                    long now = System.nanoTime();
                    if (step != told || now - toldAt >= ANALYSIS_PROGRESS_MILLIS * 1_000_000) {
                        told = step;
                        toldAt = now;
                        uiThread.execute(() -> listener.analysing(step, fraction));
                    }
                }
            });
        }
    }
}

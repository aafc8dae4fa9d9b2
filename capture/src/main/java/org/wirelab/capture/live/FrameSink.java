package org.wirelab.capture.live;

import java.io.IOException;
import org.wirelab.core.frame.FrameStore;
import org.wirelab.core.pcap.PcapWriter;

/**
 * Receives each captured frame in the order the capture delivers them, on a thread of its own (not the
 * capture thread, which only copies frames): the same raw-frame shape a pcap file gives (nanoseconds
 * since the epoch, link type, bytes). The array is only valid during the call; a sink that keeps the
 * frame copies it. A sink that throws stops the capture, and {@link LiveCapture#stop()} rethrows its
 * exception.
 */
@FunctionalInterface
public interface FrameSink {

    void frame(long timestampNanos, int linkType, byte[] bytes, int offset, int capturedLength, int originalLength)
            throws IOException;

    /**
     * Called whenever every frame captured so far has been handed to {@link #frame} and none is
     * waiting: after each frame of a lab exchange, once per burst under load. The moment for a sink
     * that writes a file to flush it. Does nothing by default.
     */
    default void caughtUp() throws IOException {
    }

    /** Appends to {@code store}. Read the store only after {@link LiveCapture#stop()} returned. */
    static FrameSink into(FrameStore store) {
        return store::append;
    }

    /**
     * Appends to {@code writer} and flushes it whenever the capture has caught up ({@link #caughtUp()}):
     * each frame of a lab exchange reaches the file as it arrives, so a capture killed then loses
     * nothing, while a burst of a million frames is written in large blocks rather than with a few
     * system calls per frame (which made the capture fall behind and the kernel drop frames).
     */
    static FrameSink flushingTo(PcapWriter writer) {
        return new FrameSink() {
            @Override
            public void frame(long timestampNanos, int linkType, byte[] bytes, int offset, int capturedLength,
                    int originalLength) throws IOException {
                writer.append(timestampNanos, linkType, bytes, offset, capturedLength, originalLength);
            }

            @Override
            public void caughtUp() throws IOException {
                writer.flush();
            }
        };
    }

    /** This sink, then {@code next}, for each frame and each catching up. */
    default FrameSink andThen(FrameSink next) {
        FrameSink first = this;
        return new FrameSink() {
            @Override
            public void frame(long timestampNanos, int linkType, byte[] bytes, int offset, int capturedLength,
                    int originalLength) throws IOException {
                first.frame(timestampNanos, linkType, bytes, offset, capturedLength, originalLength);
                next.frame(timestampNanos, linkType, bytes, offset, capturedLength, originalLength);
            }

            @Override
            public void caughtUp() throws IOException {
                first.caughtUp();
                next.caughtUp();
            }
        };
    }
}

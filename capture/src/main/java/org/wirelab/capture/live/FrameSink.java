package org.wirelab.capture.live;

import java.io.IOException;
import org.wirelab.core.frame.FrameStore;
import org.wirelab.core.pcap.PcapWriter;

/**
 * Receives each captured frame, on the capture thread, in the order libpcap delivers them: the same
 * raw-frame shape a pcap file gives (nanoseconds since the epoch, link type, bytes). The array is only
 * valid during the call; a sink that keeps the frame copies it. A sink that throws stops the capture,
 * and {@link LiveCapture#stop()} rethrows its exception.
 */
@FunctionalInterface
public interface FrameSink {

    void frame(long timestampNanos, int linkType, byte[] bytes, int offset, int capturedLength, int originalLength)
            throws IOException;

    /** Appends to {@code store}. Read the store only after {@link LiveCapture#stop()} returned. */
    static FrameSink into(FrameStore store) {
        return store::append;
    }

    /**
     * Appends to {@code writer} and flushes after every frame, so a capture killed by Ctrl-C leaves a
     * file with every frame delivered so far (a few system calls per frame; loopback bursts still reach
     * far more frames per second than a lab exchange makes).
     */
    static FrameSink flushingTo(PcapWriter writer) {
        return (timestampNanos, linkType, bytes, offset, capturedLength, originalLength) -> {
            writer.append(timestampNanos, linkType, bytes, offset, capturedLength, originalLength);
            writer.flush();
        };
    }

    /** This sink, then {@code next}, for each frame. */
    default FrameSink andThen(FrameSink next) {
        return (timestampNanos, linkType, bytes, offset, capturedLength, originalLength) -> {
            frame(timestampNanos, linkType, bytes, offset, capturedLength, originalLength);
            next.frame(timestampNanos, linkType, bytes, offset, capturedLength, originalLength);
        };
    }
}

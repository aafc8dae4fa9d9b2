package org.wirelab.capture.live;

import java.io.IOException;

/**
 * Where a live capture's frames come from: libpcap inside this process ({@link LibpcapTap}), or a
 * dumpcap process whose pcapng stream this process reads ({@link DumpcapTap}). Either is open and
 * buffering matching frames once built; {@link LiveCapture} drives it the same way.
 */
interface FrameTap {
    /** The link-layer header type of the frames (LINKTYPE_ETHERNET on Linux's lo). */
    int linkType();

    /**
     * Hands every captured frame to {@code receiver}, on the calling thread, until {@link #interrupt()}
     * is called or the source ends. Returns normally in both cases.
     *
     * @throws IOException when the source failed while capturing
     */
    void run(Receiver receiver) throws IOException;

    /** Makes {@link #run} return soon; callable from any thread, more than once. */
    void interrupt();

    /** The source's own counters, read once {@link #run} has returned (or was never called). */
    Counters counters();

    /**
     * Whether {@link Counters#received} counts only frames that {@link #run} handed over: true for
     * dumpcap, whose count is what it wrote to the stream, read to its end; false for libpcap, whose
     * kernel counts frames still in its buffer when the capture stopped.
     */
    boolean receivedCountsOnlyDeliveredFrames();

    /** Releases the interface or ends the process; only after {@link #run} has returned. */
    void close();

    /**
     * Takes each frame on the capture thread; the bytes are valid only during the call. It never
     * throws: a receiver that fails records it and calls {@link #interrupt()}.
     */
    @FunctionalInterface
    interface Receiver {
        void frame(long timestampNanos, int linkType, byte[] bytes, int offset, int capturedLength, int originalLength);
    }

    /**
     * What the capturing program counted: frames the filter accepted, frames lost because its
     * buffer was full, frames the interface lost; -1 where it could not tell.
     */
    record Counters(String source, long received, long dropped, long droppedByInterface) {
        static Counters unknown(String source) {
            return new Counters(source, -1, -1, -1);
        }
    }
}

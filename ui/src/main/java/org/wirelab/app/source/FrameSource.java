package org.wirelab.app.source;

/**
 * Something that delivers frames: a capture file, a live capture of the lab's programs, a simulated
 * run. The application shows them all the same way: it runs the source on a background thread
 * ({@link SourceRun}) and shows the frames as they arrive.
 */
public interface FrameSource {

    /** What the window's title and the status line call it, e.g. "tcp-hello.pcap" or "live: tcp-hello". */
    String title();

    /**
     * Delivers every frame into {@code feed}, on the calling (background) thread, and returns when the
     * source has no more. Checks {@link FrameFeed#cancelled()} and stops early when it is true.
     *
     * @throws Exception what stopped the source; its message is shown to the person in one line
     */
    void run(FrameFeed feed) throws Exception;
}

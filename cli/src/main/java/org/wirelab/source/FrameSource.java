package org.wirelab.source;

import java.util.Locale;

/**
 * Something that delivers frames: a capture file, a live capture of the lab's programs, a simulated
 * run. The application shows them all the same way: it runs the source on a background thread
 * ({@link SourceRun}) and shows the frames as they arrive.
 */
public interface FrameSource {

    /**
     * What names it in files and for the program, e.g. "tcp-hello.pcap" or "live: tcp-hello": the default
     * name of an exported diagram, and how a replay recognises the same source.
     */
    String title();

    /** What the window's title and status line call it, in the window's language (a file keeps its name). */
    default String title(Locale language) {
        return title();
    }

    /**
     * What was run and how, for the section comment of a saved pcapng (the lesson a file carries into
     * Wireshark): the scenario and the link's settings for a run, the name for a file.
     */
    default String settings(Locale language) {
        return title(language);
    }

    /** The language its messages (why it stopped, what it warns of) are said in: English unless it was given one. */
    default Locale language() {
        return Locale.ENGLISH;
    }

    /**
     * Delivers every frame into {@code feed}, on the calling (background) thread, and returns when the
     * source has no more. Checks {@link FrameFeed#cancelled()} and stops early when it is true.
     *
     * @throws Exception what stopped the source; its message is shown to the person in one line
     */
    void run(FrameFeed feed) throws Exception;
}

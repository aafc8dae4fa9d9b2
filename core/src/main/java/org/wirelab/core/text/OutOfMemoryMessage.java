package org.wirelab.core.text;

import java.util.Locale;

/**
 * What wirelab says when the Java heap runs out, in English or French, for a command (one line on
 * standard error) and for the window (its status line): how large the heap was, how to give Java more
 * ({@code JAVA_TOOL_OPTIONS=-Xmx}, twice the heap in whole gigabytes, at least 2) and how to ask for less.
 * Make it before it is needed: there may be no memory left to make it then.
 */
public final class OutOfMemoryMessage {
    private static final String BUNDLE = "org.wirelab.core.text.OutOfMemory";
    private static final long MIB = 1024 * 1024;

    private OutOfMemoryMessage() {
    }

    /** The line of {@code wirelab COMMAND}: "wirelab show: out of memory: the Java heap (at most 2048 MB) is full. ..." */
    public static String forCommand(String command, long maxHeapBytes, Locale language) {
        Sentences sentences = Sentences.of(BUNDLE, language);
        return sentences.format("command", command, full(sentences, maxHeapBytes), suggestedGib(maxHeapBytes));
    }

    /** The window's status line when a file being read fills the heap; the frames read before stay shown. */
    public static String forWindow(long maxHeapBytes, Locale language) {
        Sentences sentences = Sentences.of(BUNDLE, language);
        return sentences.format("window", full(sentences, maxHeapBytes), suggestedGib(maxHeapBytes));
    }

    private static String full(Sentences sentences, long maxHeapBytes) {
        return sentences.format("full", maxHeapBytes / MIB);
    }

    /** Twice the heap, rounded up to whole gigabytes, and never less than 2. */
    static long suggestedGib(long maxHeapBytes) {
        return Math.max(2, (2 * maxHeapBytes + 1023 * MIB) / (1024 * MIB));
    }
}

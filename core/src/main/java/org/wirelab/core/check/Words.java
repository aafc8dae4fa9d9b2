package org.wirelab.core.check;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.wirelab.core.text.Sentences;

/**
 * The checks' sentences in one language (CheckWords.properties, CheckWords_fr.properties), with the
 * way they name frames.
 */
final class Words {
    private static final String BUNDLE = "org.wirelab.core.check.CheckWords";
    /** Beyond this many frames a list ends with an ellipsis: the line must stay readable. */
    private static final int LISTED_FRAMES = 8;

    private final Sentences sentences;

    private Words(Sentences sentences) {
        this.sentences = sentences;
    }

    static Words of(Locale language) {
        return new Words(Sentences.of(BUNDLE, language));
    }

    Locale locale() {
        return sentences.locale();
    }

    /** The sentence {@code key}, formatted (so a doubled apostrophe reads as one). */
    String get(String key) {
        return sentences.format(key);
    }

    String format(String key, Object... arguments) {
        return sentences.format(key, arguments);
    }

    /** "frame 4" or "frames 1, 2, 3" (numbers from 1). */
    String frames(List<Integer> numbers) {
        if (numbers.size() == 1) {
            return format("frame", numbers.get(0));
        }
        String listed = numbers.stream().limit(LISTED_FRAMES).map(String::valueOf).collect(Collectors.joining(", "));
        return format("frames", numbers.size() > LISTED_FRAMES ? listed + ", …" : listed);
    }

    /** "frame 4" for a 0-based frame index. */
    String frame(int index) {
        return format("frame", index + 1);
    }
}

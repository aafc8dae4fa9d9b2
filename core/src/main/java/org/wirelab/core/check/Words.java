package org.wirelab.core.check;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.stream.Collectors;

/**
 * The checks' sentences in one language (CheckWords.properties, CheckWords_fr.properties): English for
 * every language but French. Every argument is passed as text, so that MessageFormat never adds a
 * thousands separator to a port number.
 */
final class Words {
    private static final String BUNDLE = "org.wirelab.core.check.CheckWords";
    /** Beyond this many frames a list ends with an ellipsis: the line must stay readable. */
    private static final int LISTED_FRAMES = 8;

    private final Locale locale;
    private final ResourceBundle bundle;

    private Words(Locale locale, ResourceBundle bundle) {
        this.locale = locale;
        this.bundle = bundle;
    }

    static Words of(Locale language) {
        Locale supported = Locale.FRENCH.getLanguage().equals(language.getLanguage()) ? Locale.FRENCH
                : Locale.ENGLISH;
        return new Words(supported, ResourceBundle.getBundle(BUNDLE, supported,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
    }

    Locale locale() {
        return locale;
    }

    String get(String key) {
        return bundle.getString(key);
    }

    String format(String key, Object... arguments) {
        Object[] texts = new Object[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            texts[i] = String.valueOf(arguments[i]);
        }
        return new MessageFormat(get(key), locale).format(texts);
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

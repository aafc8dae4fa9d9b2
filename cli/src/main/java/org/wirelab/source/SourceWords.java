package org.wirelab.source;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * What a frame source says about itself (its title, a saved file's section comment, why it stopped), in
 * English or French: the {@code sources} bundle, read without JavaFX so that the command line's demo and
 * the app's window word a source the same way.
 */
final class SourceWords {
    private static final String BUNDLE = "org.wirelab.source.sources";

    private final Locale language;

    private SourceWords(Locale language) {
        this.language = language;
    }

    /** French for any French locale, English for every other. */
    static SourceWords in(Locale wanted) {
        return new SourceWords(Locale.FRENCH.getLanguage().equals(wanted.getLanguage()) ? Locale.FRENCH : Locale.ENGLISH);
    }

    /** The text of {@code key} with {@code arguments} put in (MessageFormat). */
    String get(String key, Object... arguments) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, language,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        String pattern = bundle.getString(key);
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, language).format(arguments);
    }
}

package org.wirelab.core.text;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The sentences of one feature in one language, from a properties bundle with an English base file and a
 * French one ({@code _fr}): English for every language but French. Every argument is formatted as text,
 * so that MessageFormat never adds a thousands separator to a port or a frame number.
 */
public final class Sentences {
    private final Locale locale;
    private final ResourceBundle bundle;

    private Sentences(Locale locale, ResourceBundle bundle) {
        this.locale = locale;
        this.bundle = bundle;
    }

    public static Sentences of(String bundleName, Locale language) {
        Locale supported = Locale.FRENCH.getLanguage().equals(language.getLanguage()) ? Locale.FRENCH
                : Locale.ENGLISH;
        return new Sentences(supported, ResourceBundle.getBundle(bundleName, supported,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
    }

    /** English or French. */
    public Locale locale() {
        return locale;
    }

    /** The pattern {@code key} formatted with {@code arguments}, each turned into text first. */
    public String format(String key, Object... arguments) {
        Object[] texts = new Object[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            texts[i] = String.valueOf(arguments[i]);
        }
        return new MessageFormat(bundle.getString(key), locale).format(texts);
    }
}

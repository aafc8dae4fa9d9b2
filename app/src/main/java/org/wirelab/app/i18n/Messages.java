package org.wirelab.app.i18n;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The application's words in the chosen language (the {@code messages} bundle, English and French).
 * Every label binds to {@link #text(String)}, so switching {@link #localeProperty()} relabels the open
 * window at once. Starts in the system's language when it is French, in English otherwise.
 */
public final class Messages {
    private static final String BUNDLE = "org.wirelab.app.i18n.messages";

    private final ObjectProperty<Locale> locale = new SimpleObjectProperty<>(this, "locale", supported(Locale.getDefault()));

    /** The words of one language, for a source that writes its notices off the FX thread. */
    public static Messages in(Locale language) {
        Messages messages = new Messages();
        messages.locale.set(supported(language));
        return messages;
    }

    public ObjectProperty<Locale> localeProperty() {
        return locale;
    }

    public Locale locale() {
        return locale.get();
    }

    /** French for any French locale, English for every other. */
    public static Locale supported(Locale wanted) {
        return Locale.FRENCH.getLanguage().equals(wanted.getLanguage()) ? Locale.FRENCH : Locale.ENGLISH;
    }

    /** The text of {@code key} now, with {@code arguments} put in (MessageFormat). */
    public String get(String key, Object... arguments) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale.get(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        String pattern = bundle.getString(key);
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, locale.get()).format(arguments);
    }

    /** The text of {@code key}, following the language. */
    public StringBinding text(String key, Object... arguments) {
        return Bindings.createStringBinding(() -> get(key, arguments), locale);
    }
}

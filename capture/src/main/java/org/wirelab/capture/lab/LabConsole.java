package org.wirelab.capture.lab;

import java.util.Locale;
import java.util.function.Consumer;
import org.wirelab.core.text.Sentences;

/**
 * Where a lab program prints what it does, line by line, and in which language: the command line's
 * programs speak French on a French system, as the lab's Python programs do, and English on any
 * other. A plain lambda or method reference ({@code lines::add}) is an English console: the scenario
 * runs and the tests read the English lines.
 */
@FunctionalInterface
public interface LabConsole extends Consumer<String> {
    String BUNDLE = "org.wirelab.capture.lab.LabWords";

    /** English, unless the console says otherwise. */
    default Locale language() {
        return Locale.ENGLISH;
    }

    /** The sentence {@code key} of the lab's words, in this console's language. */
    default String words(String key, Object... values) {
        return Sentences.of(BUNDLE, language()).format(key, values);
    }

    /** Prints the sentence {@code key} in this console's language. */
    default void say(String key, Object... values) {
        accept(words(key, values));
    }

    /** {@code lines} speaking {@code language}. */
    static LabConsole of(Locale language, Consumer<String> lines) {
        return new LabConsole() {
            @Override
            public void accept(String line) {
                lines.accept(line);
            }

            @Override
            public Locale language() {
                return language;
            }
        };
    }

    /** French for a French system, English otherwise: the language the lab's programs print in by default. */
    static Locale systemLanguage() {
        return Locale.FRENCH.getLanguage().equals(Locale.getDefault().getLanguage()) ? Locale.FRENCH : Locale.ENGLISH;
    }
}

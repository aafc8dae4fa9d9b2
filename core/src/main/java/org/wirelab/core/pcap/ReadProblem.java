package org.wirelab.core.pcap;

import java.text.MessageFormat;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * One thing wrong in a capture file: a sentence of the {@code ReadProblems} bundle and its values, so
 * that the command line says it in English and a French window in French. Numbers are written as each
 * language writes them (1234567 in the English the command line has always printed, 1 234 567 in
 * French). A value may itself be a problem: the cause inside a longer sentence.
 */
public record ReadProblem(String key, List<Object> values) {
    private static final String BUNDLE = "org.wirelab.core.pcap.ReadProblems";

    public ReadProblem {
        values = List.copyOf(values);
    }

    public static ReadProblem of(String key, Object... values) {
        return new ReadProblem(key, List.of(values));
    }

    /** The sentence in French for any French locale, in English for every other. */
    public String text(Locale language) {
        boolean french = Locale.FRENCH.getLanguage().equals(language.getLanguage());
        Locale locale = french ? Locale.FRENCH : Locale.ENGLISH;
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        Object[] texts = new Object[values.size()];
        for (int i = 0; i < texts.length; i++) {
            Object value = values.get(i);
            if (value instanceof ReadProblem inner) {
                texts[i] = inner.text(locale);
            } else if (value instanceof Number number && french) {
                texts[i] = NumberFormat.getIntegerInstance(Locale.FRENCH).format(number);
            } else {
                texts[i] = String.valueOf(value);
            }
        }
        return new MessageFormat(bundle.getString(key), locale).format(texts);
    }

    /** The English sentence, as the command line prints it. */
    @Override
    public String toString() {
        return text(Locale.ENGLISH);
    }
}

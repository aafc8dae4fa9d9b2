package org.wirelab.core.decode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.MessageFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PropertyResourceBundle;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The words of declared fields in one language, from the {@code FieldLabels} bundle of that language,
 * keyed by field name (a label) or by a value's key ({@code value.set}, {@code tcp.option_kind[2]}), with
 * {0}, {1} ... for the arguments of a {@link Wording}. The decoders' English lines are written by the
 * English bundle, so a label is written once per language and nowhere in the code.
 */
public final class FieldLabels {
    private static final String RESOURCE = "org/wirelab/core/decode/words/FieldLabels%s.properties";
    private static final Map<Locale, FieldLabels> BY_LANGUAGE = new ConcurrentHashMap<>();
    private static final FieldLabels ENGLISH = of(Locale.ROOT);

    private final ResourceBundle words;
    private final Locale language;
    private final String separator;
    /**
     * Each pattern parsed once per thread: a tree's lines format the same few hundred patterns over and
     * over, and parsing them was a large part of decoding a frame. Per thread because a MessageFormat and
     * the number formats inside it are not safe to share between threads.
     */
    private final ThreadLocal<Map<String, MessageFormat>> parsedFormats = ThreadLocal.withInitial(HashMap::new);

    private FieldLabels(Locale language) {
        this.language = language;
        String suffix = language.equals(Locale.ROOT) ? "" : "_" + language.getLanguage();
        // Read without a parent bundle: a word missing in French must be seen as missing, not as English.
        this.words = bundle(String.format(Locale.ROOT, RESOURCE, suffix));
        this.separator = words.getString("separator");
    }

    private static ResourceBundle bundle(String resource) {
        try (InputStream in = FieldLabels.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new PropertyResourceBundle(in); // UTF-8
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The decoders' own words, Wireshark's English. */
    public static FieldLabels english() {
        return ENGLISH;
    }

    /** The words of {@code language} (Locale.ROOT for English, Locale.FRENCH ...). */
    public static FieldLabels of(Locale language) {
        return BY_LANGUAGE.computeIfAbsent(language, FieldLabels::new);
    }

    /** Whether this language has the word {@code key}. */
    public boolean has(String key) {
        return words.containsKey(key);
    }

    /** The word {@code key} formatted with {@code arguments}; an unknown key says so, in brackets. */
    public String text(String key, List<Object> arguments) {
        if (!words.containsKey(key)) {
            return "{" + key + "}";
        }
        String pattern = words.getString(key);
        if (arguments.isEmpty()) {
            return pattern;
        }
        MessageFormat parsed = parsedFormats.get().computeIfAbsent(key, unused -> new MessageFormat(pattern, language));
        MessageFormat format = parsed;
        // An argument the pattern formats as a number ("{0,number,#}") or chooses a word by ("1 byte", "2
        // bytes") is given as a number; text there is shown as it is, rather than failing the whole line.
        java.text.Format[] numeric = parsed.getFormatsByArgumentIndex();
        Object[] values = new Object[arguments.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = arguments.get(i) instanceof Wording.Word word ? text(word.key(), word.arguments())
                    : String.valueOf(arguments.get(i));
            if (i < numeric.length && numeric[i] != null) {
                values[i] = count((String) values[i]);
                if (!(values[i] instanceof Number)) {
                    if (format == parsed) {
                        format = (MessageFormat) parsed.clone();   // the kept one stays as its pattern says
                    }
                    format.setFormatByArgumentIndex(i, null);
                }
            }
        }
        return format.format(values);
    }

    /** A whole number as a Long, a decimal one ("492.204") as a BigDecimal, for a number or a choice; any other text unchanged. */
    private static Object count(String text) {
        try {
            return text.indexOf('.') < 0 ? (Object) Long.valueOf(text) : new java.math.BigDecimal(text);
        } catch (NumberFormatException notANumber) {
            return text;
        }
    }

    /** The label of a declared field in this language, e.g. "Port source". */
    public String label(Field field) {
        return text(field.wording().labelKey(), field.wording().arguments());
    }

    /**
     * The line a tree shows for a declared field: [bit picture " = "] label [separator value], in brackets
     * for a generated value, as Wireshark's tree shows it.
     */
    public String line(Field field) {
        Wording wording = field.wording();
        StringBuilder line = new StringBuilder();
        if (!wording.bits().isEmpty()) {
            line.append(wording.bits()).append(" = ");
        }
        line.append(label(field));
        String valueKey = wording.valueKey();
        if (valueKey == null) {
            line.append(separator).append(field.value() instanceof Boolean set
                    ? text(set ? "value.set" : "value.notset", List.of()) : field.text());
        } else if (!valueKey.equals(Wording.NO_VALUE)) {
            line.append(separator).append(text(valueKey, wording.arguments()));
        }
        return field.generated() ? "[" + line + "]" : line.toString();
    }
}

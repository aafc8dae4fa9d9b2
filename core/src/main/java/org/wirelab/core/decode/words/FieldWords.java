package org.wirelab.core.decode.words;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.PropertyResourceBundle;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;
import org.wirelab.core.decode.Field;
import org.wirelab.core.decode.FieldLabels;
import org.wirelab.core.decode.Layer;
import org.wirelab.core.decode.Wording;

/**
 * The decoders' field tree in a language: each field's line ("Port source : 40562") and each layer's
 * title, for a view to show. A field added by its declaration is worded by {@link FieldLabels} from its
 * label key and arguments. The others (protocols not yet declared) are reworded after the fact:
 * <ul>
 * <li>a field's label comes from the {@code FieldLabels} bundle keyed by the field's Wireshark name
 *     ({@code tcp.srcport}), when the English bundle gives the same English label (one name can carry
 *     several labels, e.g. {@code chat.message} for "Unframed text");</li>
 * <li>value words ("Set", "40 bytes (10)", "Port unreachable"), labels of nameless fields and layer titles
 *     come from the language's phrasebook ({@code FieldPhrases_xx.txt}, see {@link Phrasebook});</li>
 * <li>the label and value are joined by the language's separator (" : " in French).</li>
 * </ul>
 * Anything without a translation is shown in English, never dropped. English returns the decoders' text.
 */
public final class FieldWords {
    private static final String LABELS = "org/wirelab/core/decode/words/FieldLabels%s.properties";
    private static final String PHRASES = "org/wirelab/core/decode/words/FieldPhrases_%s.txt";
    private static final Map<Locale, FieldWords> BY_LANGUAGE = new ConcurrentHashMap<>();

    private final ResourceBundle english;
    private final ResourceBundle labels;
    private final Phrasebook phrases;
    private final String separator;
    private final boolean isEnglish;
    /** The words of the fields added by their declaration, which need no pattern-matching. */
    private final FieldLabels declared;

    private FieldWords(Locale language) {
        this.isEnglish = language.equals(Locale.ROOT);
        // Read without a parent bundle: a label missing in French must be seen as missing, not as English.
        this.english = bundle(String.format(Locale.ROOT, LABELS, ""));
        this.labels = isEnglish ? english : bundle(String.format(Locale.ROOT, LABELS, "_" + language.getLanguage()));
        this.phrases = isEnglish ? Phrasebook.empty()
                : Phrasebook.read(String.format(Locale.ROOT, PHRASES, language.getLanguage()));
        this.separator = labels.getString("separator");
        this.declared = FieldLabels.of(language);
    }

    private static ResourceBundle bundle(String resource) {
        try (InputStream in = FieldWords.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new PropertyResourceBundle(in); // UTF-8
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The words of {@code locale}'s language: French for any French locale, the decoders' English otherwise. */
    public static FieldWords of(Locale locale) {
        Locale language = Locale.FRENCH.getLanguage().equals(locale.getLanguage()) ? Locale.FRENCH : Locale.ROOT;
        return BY_LANGUAGE.computeIfAbsent(language, FieldWords::new);
    }

    /** The line a tree shows for {@code field}, e.g. ".... ..1. = Synchronisation (SYN) : Activé". */
    public String display(Field field) {
        if (isEnglish) {
            return field.display();
        }
        if (field.wording() != null) {
            return declared.line(field);
        }
        String display = field.display();
        String label = field.label();
        int at = display.indexOf(label);
        if (at < 0 || label.isEmpty()) {
            return display;
        }
        // LayerBuilder writes [bit pattern " = "] label [": " value], generated values in brackets.
        String prefix = display.substring(0, at);
        String rest = display.substring(at + label.length());
        String close = "";
        if (field.generated() && prefix.endsWith("[") && rest.endsWith("]")) {
            close = "]";
            rest = rest.substring(0, rest.length() - 1);
        }
        String shownLabel = labelOf(field).orElseGet(() -> phrases.translate(label));
        if (rest.isEmpty()) {
            return prefix + shownLabel + close;
        }
        if (!rest.startsWith(": ")) {
            return prefix + shownLabel + rest + close;
        }
        String value = rest.substring(2);
        return prefix + shownLabel + separator + (hasDecoderWords(field) ? phrases.translate(value) : value) + close;
    }

    /**
     * Whether the field's value is the decoder's own words (a number with its meaning, a flag, a computed
     * status, a word of the bundles such as the chat's message kinds) rather than text read from the packet
     * (an address, a name, a message, an HTTP line), which is never translated: a chat message "quit" stays
     * "quit".
     */
    static boolean hasDecoderWords(Field field) {
        Wording wording = field.wording();
        boolean worded = wording != null && wording.valueKey() != null && !wording.valueKey().equals("value")
                && !wording.valueKey().equals(Wording.NO_VALUE);
        return !(field.value() instanceof String) || field.generated() || worded;
    }

    /** The layer's title, e.g. "Protocole de contrôle de transmission (TCP), port source : 3000, ...". */
    public String title(Layer layer) {
        Wording title = layer.titleWording();
        if (title != null) {
            return declared.text(title.labelKey(), title.arguments());
        }
        return phrases.translate(layer.title());
    }

    /**
     * The layer's short name, e.g. "Texte" for "Text": the word the OSI view and the encapsulation bar show,
     * the one the layer's title in the tree starts with. A protocol's abbreviation ("TCP") stays itself.
     */
    public String protocol(Layer layer) {
        return isEnglish ? layer.protocol() : phrases.translate(layer.protocol());
    }

    /**
     * Whether this language has its own label for {@code field}: by its name, or
     * (for a field without a name, or a second label of a name) by a phrase. Always true in English.
     */
    public boolean hasLabel(Field field) {
        if (field.wording() != null) {
            return declared.has(field.wording().labelKey());
        }
        return isEnglish || labelOf(field).isPresent() || phrases.knows(field.label());
    }

    /** Whether this language has its own words for the layer's title. Always true in English. */
    public boolean hasTitle(Layer layer) {
        Wording title = layer.titleWording();
        return title != null ? declared.has(title.labelKey()) : hasPhrase(layer.title());
    }

    /** Whether this language translates {@code text} (a value word, a nameless label, a title). */
    public boolean hasPhrase(String text) {
        return isEnglish || phrases.knows(text);
    }

    /** The bundle's label for the field's name, when the bundle's English label is the field's. */
    private Optional<String> labelOf(Field field) {
        if (!field.hasName()) {
            return Optional.empty();
        }
        try {
            String translated = labels.getString(field.name());
            return english.getString(field.name()).equals(field.label()) ? Optional.of(translated) : Optional.empty();
        } catch (MissingResourceException missing) {
            // Not in the bundle: the caller falls back to a phrase, then to the English label.
            return Optional.empty();
        }
    }
}

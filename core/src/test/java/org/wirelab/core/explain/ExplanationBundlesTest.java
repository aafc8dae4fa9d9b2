package org.wirelab.core.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.wirelab.core.testing.Environment;

/**
 * The sentences of the explanations, as bundles: every key in English and in French with the same
 * values to fill in, every key the explainer uses present in both, and the French written as a French
 * teacher writes it (singular for 0 and 1, a space before ':' and ';', typographic apostrophes, no
 * English words left).
 */
class ExplanationBundlesTest {
    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)(,choice)?");
    private static final Pattern KEY_IN_CODE = Pattern.compile("\"((?:tcp|udp|icmp|arp|http|chat|frame|role)\\.[a-z.]+)\"");
    private static final Pattern ENGLISH = Pattern.compile(
            "\\b(the|bytes?|sends|acknowledges|window|which|again|frame|reset|lost|closes|probe)\\b");
    private static final Pattern BAD_FRENCH_PLURAL = Pattern.compile("(?<![\\d\\u202f\\u00a0 ])[01] octets\\b");

    private static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Explainer.class.getResourceAsStream(name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    private static Set<String> arguments(String pattern) {
        Set<String> found = new TreeSet<>();
        Matcher m = ARGUMENT.matcher(pattern);
        while (m.find()) {
            found.add(m.group(1) + (m.group(2) == null ? "" : " (count)"));
        }
        return found;
    }

    @Test
    void everyKeyIsInBothLanguagesWithTheSameValuesToFillIn() throws IOException {
        Properties english = bundle("Explanations.properties");
        Properties french = bundle("Explanations_fr.properties");
        assertEquals(new TreeSet<>(english.stringPropertyNames()), new TreeSet<>(french.stringPropertyNames()));
        for (String key : english.stringPropertyNames()) {
            assertEquals(arguments(english.getProperty(key)), arguments(french.getProperty(key)), key);
        }
    }

    @Test
    void everyKeyTheExplainerSaysIsInBothBundles() throws IOException {
        Properties english = bundle("Explanations.properties");
        Properties french = bundle("Explanations_fr.properties");
        Path sources = Environment.repositoryRoot().resolve("core/src/main/java/org/wirelab/core/explain");
        List<String> used = new ArrayList<>();
        try (Stream<Path> files = Files.list(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                used.addAll(sentenceKeys(Files.readString(file)));
            }
        }
        assertTrue(used.size() > 50, "keys found in the sources: " + used);
        for (String key : used) {
            boolean prefix = english.stringPropertyNames().stream().anyMatch(k -> k.startsWith(key + "."));
            if (prefix) {
                continue;   // a family of keys the code tells apart ("tcp.probe" in startsWith)
            }
            assertTrue(english.containsKey(key) && french.containsKey(key), key + " is said but missing from a bundle");
        }
    }

    /** Each sentence filled in with counts 0, 1, 2 and 1448: French singular for 0 and 1, no English, French spacing. */
    @Test
    void theFrenchReadsAsFrench() throws IOException {
        Properties french = bundle("Explanations_fr.properties");
        for (String key : french.stringPropertyNames()) {
            String pattern = french.getProperty(key);
            assertFalse(pattern.contains("'"), key + ": a typographic apostrophe (’), not ': " + pattern);
            for (long count : new long[] {0, 1, 2, 1448}) {
                String text = new MessageFormat(pattern, Locale.FRENCH).format(values(pattern, count));
                String prose = text.replace("{", "");
                assertFalse(BAD_FRENCH_PLURAL.matcher(prose).find(), key + ": " + text);
                assertFalse(ENGLISH.matcher(prose).find(), key + ": English left in " + text);
                // A space before the high punctuation, as French typography wants (not in "::" or "c:").
                Matcher colon = Pattern.compile("[^\\s\\u202f\\u00a0:]([:;?!])(?=\\s|$)").matcher(prose);
                assertFalse(colon.find(), key + ": no space before '" + (colon.hitEnd() ? "" : colon.group(1)) + "' in " + text);
            }
        }
    }

    /** The string literals of the first argument of every {@code Sentence.of(...)} call in {@code source}. */
    private static List<String> sentenceKeys(String source) {
        List<String> keys = new ArrayList<>();
        int at = source.indexOf("Sentence.of(");
        while (at >= 0) {
            int depth = 0;
            int end = at + "Sentence.of(".length();
            while (end < source.length()) {
                char c = source.charAt(end);
                if (c == '(') {
                    depth++;
                } else if (c == ')' && depth-- == 0 || c == ',' && depth == 0) {
                    break;
                }
                end++;
            }
            Matcher m = KEY_IN_CODE.matcher(source.substring(at, end));
            while (m.find()) {
                keys.add(m.group(1));
            }
            at = source.indexOf("Sentence.of(", end);
        }
        return keys;
    }

    @Test
    void theEnglishSaysOneByteNotOneBytes() throws IOException {
        Properties english = bundle("Explanations.properties");
        for (String key : english.stringPropertyNames()) {
            String pattern = english.getProperty(key);
            String text = new MessageFormat(pattern, Locale.ENGLISH).format(values(pattern, 1));
            assertFalse(text.matches("(?s).*\\b1 (more )?bytes\\b.*"), key + ": " + text);
        }
    }

    /** The values of {@code pattern}: {@code count} for every choice, a word for every other value. */
    private static Object[] values(String pattern, long count) {
        Object[] values = new Object[10];
        Matcher m = ARGUMENT.matcher(pattern);
        for (int i = 0; i < values.length; i++) {
            values[i] = "X";
        }
        while (m.find()) {
            if (m.group(2) != null) {
                values[Integer.parseInt(m.group(1))] = count;
            }
        }
        return values;
    }
}

package org.wirelab.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The English and French bundles of one set of words, as the tests of every module check them. */
public final class Bundles {
    private Bundles() {
    }

    /** The bundle {@code name} ("messages", "messages_fr") beside {@code near}, read as UTF-8 as ResourceBundle does. */
    public static Properties load(Class<?> near, String name) {
        Properties properties = new Properties();
        try (InputStream in = near.getResourceAsStream(name + ".properties")) {
            assertNotNull(in, name + ".properties beside " + near.getName());
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    /**
     * The French bundle has exactly the English bundle's keys, and neither writes a lone ' (MessageFormat
     * would take it for a quote and drop it: the bundles write ’).
     */
    public static void assertFrenchAndEnglishSayTheSameThings(Class<?> near, String baseName) {
        Properties english = load(near, baseName);
        Properties french = load(near, baseName + "_fr");
        assertEquals(new TreeSet<>(english.stringPropertyNames()), new TreeSet<>(french.stringPropertyNames()),
                baseName + ": the same keys in English and French");
        for (String key : english.stringPropertyNames()) {
            assertFalse(english.getProperty(key).contains("'"), key);
            assertFalse(french.getProperty(key).contains("'"), key);
        }
    }

    /**
     * Every sentence of the English bundle has a French one, translated (not the English left as it is),
     * that fills in the same values ({0}, {1}, ...).
     */
    public static void assertEverySentenceTranslatedWithTheSameValues(Class<?> near, String baseName) {
        Properties english = load(near, baseName);
        Properties french = load(near, baseName + "_fr");
        assertEquals(english.stringPropertyNames(), french.stringPropertyNames(), baseName + ": the same keys in English and French");
        for (String key : english.stringPropertyNames()) {
            assertNotEquals(english.getProperty(key), french.getProperty(key), key + " is translated");
            assertEquals(placeholders(english.getProperty(key)), placeholders(french.getProperty(key)), key);
        }
    }

    /** The {0}, {1}, ... a MessageFormat pattern fills in. */
    private static Set<String> placeholders(String pattern) {
        Set<String> found = new TreeSet<>();
        Matcher m = Pattern.compile("\\{\\d+}").matcher(pattern);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }
}

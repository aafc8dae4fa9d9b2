package org.wirelab.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class SourceWordsTest {

    private static Properties bundle(String suffix) throws IOException {
        Properties properties = new Properties();
        try (var in = new InputStreamReader(SourceWordsTest.class.getResourceAsStream("sources" + suffix + ".properties"),
                StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return properties;
    }

    @Test
    void frenchAndEnglishSayTheSameThings() throws IOException {
        Properties english = bundle("");
        Properties french = bundle("_fr");
        assertEquals(new TreeSet<>(english.stringPropertyNames()), new TreeSet<>(french.stringPropertyNames()));
        for (String key : english.stringPropertyNames()) {
            // MessageFormat drops a lone ' (it quotes): the bundles write ’.
            assertFalse(english.getProperty(key).contains("'"), key);
            assertFalse(french.getProperty(key).contains("'"), key);
        }
    }

    @Test
    void aSourceNamesItselfInTheLanguageAsked() {
        SimulatedSource lossy = SimulatedSource.standard("tcp-hello").dropping(3);
        assertEquals("simulated: tcp-hello, frame 3 lost on purpose", lossy.title(Locale.ENGLISH));
        assertEquals("simulation : tcp-hello, trame 3 perdue exprès", lossy.title(Locale.CANADA_FRENCH));
        assertEquals("en direct : tcp-hello", new LiveScenarioSource("tcp-hello").title(Locale.FRENCH));
        assertEquals("live: port 8080", new LivePortSource(8080, Locale.FRENCH).title(Locale.GERMAN));
    }
}

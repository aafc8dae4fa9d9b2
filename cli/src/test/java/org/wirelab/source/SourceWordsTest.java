package org.wirelab.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.wirelab.core.testing.Bundles;

class SourceWordsTest {

    @Test
    void frenchAndEnglishSayTheSameThings() {
        Bundles.assertFrenchAndEnglishSayTheSameThings(SourceWordsTest.class, "sources");
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

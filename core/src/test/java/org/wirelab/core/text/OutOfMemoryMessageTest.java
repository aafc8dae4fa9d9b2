package org.wirelab.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.wirelab.core.testing.Bundles;

/** What a command and the window say when the heap runs out, in English and in French. */
class OutOfMemoryMessageTest {
    private static final long TWO_GIB = 2048L << 20;

    @Test
    void aCommandSaysTheHeapTwiceTheHeapToTryAndHowToAskForLess() {
        assertEquals("wirelab show: out of memory: the Java heap (at most 2048 MB) is full. Give Java more"
                + " (JAVA_TOOL_OPTIONS=-Xmx4g ./wirelab show ...), or ask for less: a smaller capture or range of"
                + " frames (editcap -r FILE PART.pcap 1-100000), or one TCP stream (--stream N)",
                OutOfMemoryMessage.forCommand("show", TWO_GIB, Locale.ENGLISH));
        assertEquals("wirelab show : mémoire épuisée : le tas de Java (au plus 2048 Mo) est plein. Donnez plus de"
                + " mémoire à Java (JAVA_TOOL_OPTIONS=-Xmx4g ./wirelab show ...) ou demandez-lui moins : une capture"
                + " ou une plage de trames plus petite (editcap -r FICHIER PARTIE.pcap 1-100000), ou un seul flux TCP"
                + " (--stream N)", OutOfMemoryMessage.forCommand("show", TWO_GIB, Locale.FRENCH));
    }

    @Test
    void theWindowKeepsTheFramesReadBefore() {
        String english = OutOfMemoryMessage.forWindow(TWO_GIB, Locale.ENGLISH);
        assertTrue(english.startsWith("out of memory: the Java heap (at most 2048 MB) is full; the frames shown"), english);
        assertTrue(english.contains("JAVA_TOOL_OPTIONS=-Xmx4g ./wirelab FILE"), english);
        String french = OutOfMemoryMessage.forWindow(TWO_GIB, Locale.FRENCH);
        assertTrue(french.startsWith("mémoire épuisée : le tas de Java (au plus 2048 Mo) est plein ; les trames"), french);
        assertTrue(french.contains("JAVA_TOOL_OPTIONS=-Xmx4g ./wirelab FICHIER"), french);
    }

    @Test
    void theHeapToTryIsTwiceTheHeapInWholeGigabytesAndAtLeastTwo() {
        assertEquals(2, OutOfMemoryMessage.suggestedGib(12L << 20));
        assertEquals(4, OutOfMemoryMessage.suggestedGib(TWO_GIB));
        assertEquals(12, OutOfMemoryMessage.suggestedGib(6000L << 20));
    }

    @Test
    void bothLanguagesSayTheSameThings() {
        Bundles.assertFrenchAndEnglishSayTheSameThings(OutOfMemoryMessage.class, "OutOfMemory");
    }
}

package org.wirelab.app.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class MessagesTest {

    private static Properties bundle(String suffix) throws IOException {
        Properties properties = new Properties();
        try (var in = new InputStreamReader(MessagesTest.class.getResourceAsStream("messages" + suffix + ".properties"),
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
    void theLanguageFollowsTheSystemAndSwitches() {
        assertEquals(Locale.FRENCH, Messages.supported(Locale.CANADA_FRENCH));
        assertEquals(Locale.ENGLISH, Messages.supported(Locale.GERMANY));
        Messages messages = new Messages();
        messages.localeProperty().set(Locale.ENGLISH);
        var label = messages.text("playback.position", 2, 10);
        assertEquals("Frame 2 of 10", label.get());
        messages.localeProperty().set(Locale.FRENCH);
        assertEquals("Trame 2 sur 10", label.get());
    }
}

package org.wirelab.app.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.wirelab.core.testing.Bundles;

class MessagesTest {

    @Test
    void frenchAndEnglishSayTheSameThings() {
        Bundles.assertFrenchAndEnglishSayTheSameThings(MessagesTest.class, "messages");
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

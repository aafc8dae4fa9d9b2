package org.wirelab.app.packets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;
import org.wirelab.core.fields.FieldTypes;

/** The completion list names each field by its label's words, never by a value's placeholder. */
class FieldCompletionLabelTest {
    private static final String BUNDLE = "org.wirelab.core.decode.words.FieldLabels";

    @Test
    void labelsThatFrameAValueAreNamedByTheirWords() {
        ResourceBundle english = ResourceBundle.getBundle(BUNDLE, Locale.ENGLISH);
        ResourceBundle french = ResourceBundle.getBundle(BUNDLE, Locale.FRENCH);
        assertEquals("tcp.payload  TCP payload", FieldCompletion.label(english, "tcp.payload"));
        assertEquals("tcp.payload  Charge utile TCP", FieldCompletion.label(french, "tcp.payload"));
        assertEquals("http.file_data  File Data", FieldCompletion.label(english, "http.file_data"));
        assertEquals("http.request_number  Requête HTTP", FieldCompletion.label(french, "http.request_number"));
        assertEquals("tcp.srcport  Source Port", FieldCompletion.label(english, "tcp.srcport"));
    }

    @Test
    void noFieldOffersAPlaceholder() {
        for (Locale language : new Locale[] {Locale.ENGLISH, Locale.FRENCH}) {
            ResourceBundle labels = ResourceBundle.getBundle(BUNDLE, language);
            for (String name : FieldTypes.names()) {
                String label = FieldCompletion.label(labels, name);
                assertFalse(label.contains("{") || label.contains("}"), language + ": " + label);
            }
        }
    }
}

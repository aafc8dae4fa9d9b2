package org.wirelab.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConversationTableTextTest {

    @Test
    void sizesUseWiresharkSiUnits() {
        assertEquals("0 bytes", ConversationTableText.size(0));
        assertEquals("9999 bytes", ConversationTableText.size(9_999));
        assertEquals("10 kB", ConversationTableText.size(10_000));
        assertEquals("19 kB", ConversationTableText.size(19_999));
        assertEquals("9999 kB", ConversationTableText.size(9_999_999));
        assertEquals("10 MB", ConversationTableText.size(10_000_000));
    }

    @Test
    void mostFramesFirstThenStreamOrderAndEmptyConversationsLeftOut() {
        Conversation small = new Conversation(0, 0, 1, 60, 1, 60, 0, 10);
        Conversation big = new Conversation(1, 0, 5, 300, 4, 240, 5, 50);
        Conversation alsoSmall = new Conversation(2, 1, 1, 60, 1, 60, 7, 9);
        Conversation empty = new Conversation(3, 0, 0, 0, 0, 0, 0, 0);
        assertEquals(List.of(big, small, alsoSmall),
                ConversationTableText.byFramesDescending(List.of(small, big, alsoSmall, empty)));
    }
}

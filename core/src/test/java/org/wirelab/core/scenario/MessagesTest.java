package org.wirelab.core.scenario;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class MessagesTest {

    @Test
    void aMessageIsItsNumberItsReplyFlagFillerAndANewline() {
        assertEquals("#0000042?xxxxx\n", new String(Payload.message(42, 15, true).bytes(), US_ASCII));
        assertEquals("#1234567.\n", new String(Payload.message(1_234_567, 10, false).bytes(), US_ASCII));
    }

    @Test
    void anyPartOfAMessageCopiesTheSameBytesAsTheWhole() {
        Payload message = Payload.message(7, 40, true);
        byte[] whole = message.bytes();
        byte[] part = new byte[12];
        message.copy(5, part, 0, 12);
        assertEquals(new String(whole, 5, 12, US_ASCII), new String(part, US_ASCII));
    }

    @Test
    void theReceiverReadsTheNumberBackAndRejectsWhatIsNotAMessage() {
        byte[] bytes = Payload.message(9_999_999, 64, false).bytes();
        assertEquals(OptionalLong.of(9_999_999), Messages.index(bytes, 0, bytes.length));
        assertFalse(Messages.replyWanted(bytes, 0));
        assertEquals(OptionalLong.empty(), Messages.index("hello serveur\n".getBytes(US_ASCII), 0, 14));
        assertEquals(OptionalLong.empty(), Messages.index("#00000a1?xxx\n".getBytes(US_ASCII), 0, 13));
    }

    @Test
    void theLineAReceiverPrintsGivesTheNumberBack() {
        assertEquals(OptionalLong.of(12), Messages.receivedIndex(Messages.receivedLine(12, 512, "[::1]:4000", true)));
        assertEquals(OptionalLong.empty(), Messages.receivedIndex("messages are nice"));
    }

    @Test
    void anEarlierMessageIsOneWithASmallerNumber() {
        byte[] three = Payload.message(3, 20, true).bytes();
        assertTrue(Messages.isEarlier(Payload.message(4, 20, true), three, 0, three.length));
        assertFalse(Messages.isEarlier(Payload.message(3, 20, true), three, 0, three.length));
        assertFalse(Messages.isEarlier(Payload.text("i am the server"), three, 0, three.length));
    }

    @Test
    void sizesAndNumbersOutsideTheLayoutAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Payload.message(1, 9, true));
        assertThrows(IllegalArgumentException.class, () -> Payload.message(10_000_000, 100, true));
    }
}

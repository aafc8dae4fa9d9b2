package org.wirelab.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;
import java.util.Random;
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

    /** Durations as C's printf("%.4f") writes them (the table's values printed by glibc 2.36). */
    @Test
    void durationsAreRoundedAsPrintfRoundsThem() {
        double[] values = {-22.58525, 0.03125, 0.09375, -0.0, -0.00001, 1.00005, 2.00015, 0, 12.5};
        String[] printf = {"-22.5852", "0.0312", "0.0938", "-0.0000", "-0.0000", "1.0001", "2.0002", "0.0000", "12.5000"};
        for (int i = 0; i < values.length; i++) {
            assertEquals(printf[i], ConversationTableText.fourDecimals(values[i]), "value " + values[i]);
        }
        Random random = new Random(11);
        for (int n = 0; n < 10_000; n++) {
            double value = random.nextInt(100_000_000) / 1000.0; // no digit beyond the fourth to round
            assertEquals(String.format(Locale.ROOT, "%.4f", value), ConversationTableText.fourDecimals(value));
        }
    }

    /** The quick rounding of durations gives the exact decimal rounding's text, ties and near-ties included. */
    @Test
    void durationsRoundedQuicklyAsExactly() {
        Random random = new Random(13);
        for (int n = 0; n < 40_000; n++) {
            // Durations as the table computes them: the difference of two times in seconds.
            long start = random.nextLong() % 100_000_000_000_000L;
            long stop = start + (n % 2 == 0 ? random.nextInt(2_000_000_000) : random.nextLong() % 10_000_000_000_000L);
            double value = (Math.floorDiv(stop, 1_000_000_000L) + Math.floorMod(stop, 1_000_000_000L) / 1e9)
                    - (Math.floorDiv(start, 1_000_000_000L) + Math.floorMod(start, 1_000_000_000L) / 1e9);
            assertEquals(ConversationTableText.exactFourDecimals(value), ConversationTableText.fourDecimals(value),
                    "value " + value);
            // Exact ties and their neighbours: k / 20,000 is halfway between two four-decimal numbers.
            double tie = (random.nextInt(2_000_000_001) - 1_000_000_000) / 20_000.0;
            for (double near : new double[] {tie, Math.nextUp(tie), Math.nextDown(tie)}) {
                assertEquals(ConversationTableText.exactFourDecimals(near), ConversationTableText.fourDecimals(near),
                        "value " + near);
            }
        }
    }

    @Test
    void startTimesHaveNineDecimalsExactly() {
        Random random = new Random(12);
        for (int n = 0; n < 10_000; n++) {
            long nanos = random.nextLong() / 1000;
            String sign = nanos < 0 ? "-" : "";
            assertEquals(String.format(Locale.ROOT, "%s%d.%09d", sign, Math.abs(nanos) / 1_000_000_000L,
                    Math.abs(nanos) % 1_000_000_000L), ConversationTableText.seconds(nanos));
        }
        assertEquals("0.000000000", ConversationTableText.seconds(0));
        assertEquals("-1.000000001", ConversationTableText.seconds(-1_000_000_001L));
    }
}

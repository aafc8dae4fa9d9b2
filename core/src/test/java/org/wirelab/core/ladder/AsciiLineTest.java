package org.wirelab.core.ladder;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The diagram's line buffer writes numbers and text as Java's own conversions do. */
class AsciiLineTest {

    private static String decimal(long number) {
        return new AsciiLine(1).append(number).toString();
    }

    @Test
    void numbersAsLongToString() {
        long[] edges = {0, 1, 9, 10, 99, 100, 101, 999, 1000, Integer.MAX_VALUE, Integer.MAX_VALUE + 1L,
            4_294_967_295L, 4_294_967_296L, 999_999_999_999_999_999L, 1_000_000_000_000_000_000L, Long.MAX_VALUE,
            -1, -10, Integer.MIN_VALUE, Long.MIN_VALUE + 1, Long.MIN_VALUE};
        for (long number : edges) {
            assertEquals(Long.toString(number), decimal(number));
        }
        for (long power = 1; power > 0 && power <= Long.MAX_VALUE / 10; power *= 10) {
            assertEquals(Long.toString(power - 1), decimal(power - 1));
            assertEquals(Long.toString(power), decimal(power));
        }
        SplittableRandom random = new SplittableRandom(16);
        for (int k = 0; k < 100_000; k++) {
            long number = random.nextLong() >> random.nextInt(64);
            assertEquals(Long.toString(number), decimal(number));
        }
    }

    @Test
    void textAsUsAsciiEncodesIt() {
        String text = "SYN Seq=0 caf\u00e9 \uD83D\uDE00 \uD83D end";
        assertEquals(new String(text.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                java.nio.charset.StandardCharsets.US_ASCII), new AsciiLine(2).append(text).toString());
    }

    @Test
    void secondsAsTsharkPrintsThem() {
        assertEquals("1.500000", LadderTextRenderer.seconds(1_500_000_000L));
        assertEquals("0.000001", LadderTextRenderer.seconds(500));
        assertEquals("0.000000", LadderTextRenderer.seconds(499));
        assertEquals("-2.000001", LadderTextRenderer.seconds(-2_000_000_600L));
        assertEquals("12345.678901", LadderTextRenderer.seconds(12_345_678_901_000L));
    }
}

package org.wirelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** The one reader of the probabilities people type (--loss, --duplicate, --reorder, an exercise's loss). */
class TypedRateTest {
    @Test
    void aFractionOrAPercentage() {
        assertEquals(0.1, TypedRate.parse("0.1").orElseThrow(), 1e-12);
        assertEquals(0.1, TypedRate.parse("10%").orElseThrow(), 1e-12);
        assertEquals(0.025, TypedRate.parse(" 2.5 % ").orElseThrow(), 1e-12);
        assertEquals(0.0, TypedRate.parse("0").orElseThrow(), 0);
        assertEquals(1.0, TypedRate.parse("100%").orElseThrow(), 0);
        assertEquals(0.00000001, TypedRate.parse("0.000001%").orElseThrow(), 1e-15);
    }

    @Test
    void aRateAboveOneIsReadForTheCallerToRefuse() {
        assertEquals(1.5, TypedRate.parse("150%").orElseThrow(), 1e-12);
        assertEquals(2.0, TypedRate.parse("2").orElseThrow(), 0);
    }

    @Test
    void anythingElseIsNoRate() {
        for (String text : new String[] {"ten", "", "-0.1", "%", "1e-2", "0x1p-3", "0.1d", "NaN", "Infinity", ".5",
            "10%%", "1.1234567"}) {
            assertEquals(OptionalDouble.empty(), TypedRate.parse(text), text);
        }
    }
}

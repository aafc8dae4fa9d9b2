package org.wirelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The one reader of the durations people type (--delay, --jitter, --duration, an exercise's delay). */
class TypedDurationTest {
    @Test
    void anAmountWithItsUnit() {
        assertEquals(Optional.of(Duration.ofNanos(1_500_000)), TypedDuration.parse("1.5ms", "s"));
        assertEquals(Optional.of(Duration.ofNanos(500_000)), TypedDuration.parse("500us", "s"));
        assertEquals(Optional.of(Duration.ofSeconds(30)), TypedDuration.parse(" 30s ", "ms"));
        assertEquals(Optional.of(Duration.ofMinutes(2)), TypedDuration.parse("2m", "ms"));
        assertEquals(Optional.of(Duration.ofHours(999_999_999)), TypedDuration.parse("999999999h", "ms"));
        assertEquals(Optional.of(Duration.ofNanos(1)), TypedDuration.parse("0.000001ms", "s"));
        assertEquals(Optional.of(Duration.ofMillis(20)), TypedDuration.parse("20 ms", "s"));
        assertEquals(Optional.of(Duration.ofNanos(1_500_000)), TypedDuration.parse("1.5ms", null));
    }

    @Test
    void aPlainNumberCountsTheOptionsOwnUnit() {
        assertEquals(Optional.of(Duration.ofMillis(20)), TypedDuration.parse("20", "ms"));
        assertEquals(Optional.of(Duration.ofSeconds(20)), TypedDuration.parse("20", "s"));
        assertEquals(Optional.of(Duration.ZERO), TypedDuration.parse("0", "ms"));
    }

    @Test
    void aPlainNumberIsNoDurationWhereTheUnitMustBeWritten() {
        assertEquals(Optional.empty(), TypedDuration.parse("20", null));
    }

    @Test
    void anythingElseIsNoDuration() {
        for (String text : new String[] {"soon", "", "-1s", "1.5.2ms", "20 m s", "1e3ms", "20min", "1.1234567s"}) {
            assertEquals(Optional.empty(), TypedDuration.parse(text, "ms"), text);
        }
    }
}

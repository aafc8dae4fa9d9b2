package org.wirelab.cli;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A duration as people type it: an amount, up to six decimals, and its unit ({@code us}, {@code ms},
 * {@code s}, {@code m}, {@code h}; a space between them is allowed), or a plain number in the option's own
 * unit. The one reader of {@code simulate --delay}, {@code --jitter}, {@code capture --duration} and an
 * exercise's link delay; each says itself what range it accepts.
 */
public final class TypedDuration {
    private static final Pattern AMOUNT = Pattern.compile("(\\d{1,9}(?:\\.\\d{1,6})?)\\s*(us|ms|s|m|h)?");
    private static final BigDecimal NANOS_PER_SECOND = BigDecimal.valueOf(1_000_000_000L);

    private TypedDuration() {
    }

    /**
     * The duration {@code text} says, a plain number counting {@code plainUnit} ("ms", "s"); empty if none,
     * or if it is a plain number and {@code plainUnit} is null (the unit must be written).
     */
    public static Optional<Duration> parse(String text, String plainUnit) {
        Matcher matcher = AMOUNT.matcher(text.strip());
        if (!matcher.matches() || matcher.group(2) == null && plainUnit == null) {
            return Optional.empty();
        }
        String unit = matcher.group(2) == null ? plainUnit : matcher.group(2);
        long nanosPerUnit = switch (unit) {
            case "us" -> 1_000L;
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            case "m" -> 60_000_000_000L;
            case "h" -> 3_600_000_000_000L;
            default -> throw new IllegalArgumentException("no such unit: " + unit);
        };
        BigDecimal nanos = new BigDecimal(matcher.group(1)).multiply(BigDecimal.valueOf(nanosPerUnit))
                .setScale(0, RoundingMode.HALF_UP);
        BigDecimal[] secondsAndNanos = nanos.divideAndRemainder(NANOS_PER_SECOND);
        return Optional.of(Duration.ofSeconds(secondsAndNanos[0].longValueExact(), secondsAndNanos[1].longValueExact()));
    }
}

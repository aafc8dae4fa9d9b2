package org.wirelab.cli.simulate;

import java.time.Duration;
import org.wirelab.cli.TypedDuration;
import org.wirelab.cli.TypedRate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** How {@code simulate} reads the quantities people type: delays and bandwidths with their units. */
final class Quantities {
    private Quantities() {
    }

    /** {@code 20ms}, {@code 500us}, {@code 1s}, {@code 0}; a plain number is milliseconds. */
    static final class Delay implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String text) {
            Duration delay = TypedDuration.parse(text, "ms").orElseThrow(() -> new TypeConversionException(
                    "'" + text + "' is not a delay (examples: 20ms, 500us, 1s, 0)"));
            if (delay.compareTo(Duration.ofHours(1)) > 0) {
                throw new TypeConversionException("'" + text + "' is more than an hour");
            }
            return delay;
        }
    }

    /** {@code 1G}, {@code 100M}, {@code 56k} bits per second, or {@code 0} for no limit. */
    static final class Bandwidth implements ITypeConverter<Long> {
        private static final Pattern RATE = Pattern.compile("(\\d{1,12})([kKmMgG]?)(?:bit/s|bps)?");

        @Override
        public Long convert(String text) {
            Matcher matcher = RATE.matcher(text.strip());
            if (!matcher.matches()) {
                throw new TypeConversionException("'" + text + "' is not a bandwidth (examples: 1G, 100M, 56k, 0 for none)");
            }
            long amount = Long.parseLong(matcher.group(1));
            return switch (matcher.group(2).toLowerCase(java.util.Locale.ROOT)) {
                case "k" -> amount * 1_000L;
                case "m" -> amount * 1_000_000L;
                case "g" -> amount * 1_000_000_000L;
                default -> amount;
            };
        }
    }

    /** A probability from 0 to 1, or a percentage: {@code 0.1}, {@code 10%}. */
    static final class Rate implements ITypeConverter<Double> {
        @Override
        public Double convert(String text) {
            double rate = TypedRate.parse(text).orElseThrow(() -> new TypeConversionException(
                    "'" + text + "' is not a rate (examples: 0.1, 10%)"));
            if (rate > 1) {
                throw new TypeConversionException("'" + text + "' is not between 0 and 1 (0% and 100%)");
            }
            return rate;
        }
    }
}

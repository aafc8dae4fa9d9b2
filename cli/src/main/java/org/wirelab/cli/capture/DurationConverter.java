package org.wirelab.cli.capture;

import java.time.Duration;
import org.wirelab.cli.TypedDuration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads durations the way people type them: {@code 30s}, {@code 500ms}, {@code 2m}, {@code 1h}, or plain seconds. */
final class DurationConverter implements ITypeConverter<Duration> {

    @Override
    public Duration convert(String text) {
        Duration duration = TypedDuration.parse(text, "s").orElseThrow(() -> new TypeConversionException(
                "'" + text + "' is not a duration (examples: 30s, 500ms, 2m, 1h)"));
        if (duration.isZero()) {
            throw new TypeConversionException("the duration must be longer than zero");
        }
        return duration;
    }
}

package org.wirelab.app.playback;

/**
 * How fast playback goes: as captured, ten times slower, or one frame a second whatever the capture's
 * timing (a loopback handshake takes a tenth of a millisecond: real time is a blink).
 */
public enum Speed {
    REAL_TIME(1.0),
    SLOWED(0.1),
    ONE_PER_SECOND(0);

    private static final long MIN_DELAY_MILLIS = 40;
    private static final long MAX_DELAY_MILLIS = 3000;
    private final double factor;

    Speed(double factor) {
        this.factor = factor;
    }

    /** How long to wait before showing a frame that came {@code gapNanos} after the previous one. */
    public long delayMillis(long gapNanos) {
        if (factor == 0) {
            return 1000;
        }
        long millis = Math.round(gapNanos / 1e6 / factor);
        return Math.max(MIN_DELAY_MILLIS, Math.min(MAX_DELAY_MILLIS, millis));
    }

    public String key() {
        return "speed." + name().toLowerCase(java.util.Locale.ROOT);
    }
}

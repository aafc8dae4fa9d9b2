package org.wirelab.core.frame;

/** Timestamps (nanoseconds since the Unix epoch) as Wireshark prints them. */
public final class Timestamps {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private Timestamps() {
    }

    /**
     * {@code frame.time_epoch} as tshark prints it: seconds, a point and nine digits
     * ("1084443427.311224000"). A time before the epoch is a minus sign and the magnitude
     * ("-1.500000000"), as Wireshark's nstime keeps seconds and nanoseconds of the same sign.
     */
    public static String epochText(long nanos) {
        StringBuilder text = new StringBuilder(21);
        // Unsigned arithmetic on the magnitude copes with Long.MIN_VALUE, whose negation overflows.
        long magnitude = nanos < 0 ? -nanos : nanos;
        if (nanos < 0) {
            text.append('-');
        }
        text.append(Long.toUnsignedString(Long.divideUnsigned(magnitude, NANOS_PER_SECOND))).append('.');
        String fraction = Long.toString(Long.remainderUnsigned(magnitude, NANOS_PER_SECOND));
        text.append("000000000", fraction.length(), 9).append(fraction);
        return text.toString();
    }
}

package org.wirelab.core.ladder;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Text being made as ASCII bytes in a growable buffer, reused line after line: the text diagram of a
 * million frames is written through one of these per thread without a string per line. Text is copied as
 * its low byte: every text of a ladder is ASCII (capture text is escaped first), and a character beyond
 * it becomes '?'.
 */
final class AsciiLine {
    private static final int MICROS_PER_SECOND = 1_000_000;
    private static final byte[] LONG_MIN = Long.toString(Long.MIN_VALUE).getBytes(StandardCharsets.US_ASCII);

    // The two digits of 0 to 99, for writing numbers two digits per division.
    private static final byte[] TENS = new byte[100];
    private static final byte[] ONES = new byte[100];

    static {
        for (int i = 0; i < 100; i++) {
            TENS[i] = (byte) ('0' + i / 10);
            ONES[i] = (byte) ('0' + i % 10);
        }
    }

    byte[] bytes;
    int length;

    AsciiLine(int capacity) {
        bytes = new byte[capacity];
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }

    AsciiLine append(byte b) {
        ensure(1);
        bytes[length++] = b;
        return this;
    }

    AsciiLine append(byte[] text) {
        ensure(text.length);
        System.arraycopy(text, 0, bytes, length, text.length);
        length += text.length;
        return this;
    }

    /**
     * The text in ASCII, as {@code String.getBytes(US_ASCII)} encodes it: a character beyond it becomes
     * '?', once for a surrogate pair (capture text is escaped before it gets here).
     */
    AsciiLine append(String text) {
        int n = text.length();
        ensure(n);
        for (int k = 0; k < n; k++) {
            char c = text.charAt(k);
            if (c < 0x80) {
                bytes[length++] = (byte) c;
            } else {
                bytes[length++] = '?';
                if (Character.isHighSurrogate(c) && k + 1 < n && Character.isLowSurrogate(text.charAt(k + 1))) {
                    k++;
                }
            }
        }
        return this;
    }

    /** {@code number} in decimal, as {@link Long#toString(long)} writes it. */
    AsciiLine append(long number) {
        if (number == Long.MIN_VALUE) {
            return append(LONG_MIN);
        }
        if (number < 0) {
            append((byte) '-');
            number = -number;
        }
        // Most numbers of a label (lengths, windows, 32-bit sequence numbers) fit in an int, whose
        // division is much cheaper than a long's.
        int digits = digits(number);
        ensure(digits);
        int at = length + digits;
        while (number > Integer.MAX_VALUE) {
            bytes[--at] = (byte) ('0' + number % 10);
            number /= 10;
        }
        int rest = (int) number;
        while (rest >= 100) {
            int pair = rest % 100;
            rest /= 100;
            bytes[--at] = ONES[pair];
            bytes[--at] = TENS[pair];
        }
        if (rest >= 10) {
            bytes[--at] = ONES[rest];
            bytes[--at] = TENS[rest];
        } else {
            bytes[--at] = (byte) ('0' + rest);
        }
        length += digits;
        return this;
    }

    private static int digits(long number) {
        long bound = 10;
        for (int digits = 1; digits < 19; digits++) {
            if (number < bound) {
                return digits;
            }
            bound *= 10;
        }
        return 19;
    }

    /** Drops the spaces at the end of the line that began at {@code lineStart}. */
    void stripTrailing(int lineStart) {
        while (length > lineStart && bytes[length - 1] == ' ') {
            length--;
        }
    }

    /**
     * Seconds with six decimals ("1.500000"), microseconds rounded half up as tshark's "%.6f", padded with
     * spaces to {@code width}, or followed by one space when it is as long.
     */
    void seconds(long nanos, int width) {
        int start = length;
        long micros = Math.floorDiv(Math.abs(nanos) + 500, 1000);
        if (nanos < 0 && micros != 0) {
            append((byte) '-');
        }
        append(micros / MICROS_PER_SECOND);
        append((byte) '.');
        // An int: C1, which runs the short commands, calls the runtime for each long division.
        int fraction = (int) (micros % MICROS_PER_SECOND);
        ensure(6);
        for (int d = 5; d >= 0; d--) {
            bytes[length + d] = (byte) ('0' + fraction % 10);
            fraction /= 10;
        }
        length += 6;
        ensure(Math.max(1, width - (length - start)));
        do {
            bytes[length++] = ' ';
        } while (length - start < width);
    }

    @Override
    public String toString() {
        return new String(bytes, 0, length, StandardCharsets.US_ASCII);
    }
}

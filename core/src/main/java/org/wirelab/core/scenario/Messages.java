package org.wirelab.core.scenario;

import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The numbered messages of a comparison workload, readable in netcat and in a hex dump:
 * {@code #0000042?xxxxxxxx...x\n}: a hash, the message's number in seven digits, {@code ?} when the
 * sender wants the message back ({@code .} when not), filler, and a newline that ends the message
 * (so that a TCP receiver can find messages in the byte stream). The number lets the receiving
 * program say which messages arrived, twice, or out of order.
 */
public final class Messages {
    /** The shortest message: the 9-byte header and the newline. */
    public static final int MIN_SIZE = 10;
    /** The longest: what one UDP datagram can carry over IPv4. */
    public static final int MAX_SIZE = Scenarios.MAX_UDP_PAYLOAD;
    /** Numbers have seven digits. */
    public static final long MAX_INDEX = 9_999_999;
    private static final String RECEIVED = "message ";
    private static final Pattern RECEIVED_LINE = Pattern.compile("^message (\\d+) \\((\\d+) bytes\\).*");

    private Messages() {
    }

    static void check(long index, int size) {
        if (index < 0 || index > MAX_INDEX) {
            throw new IllegalArgumentException("a message number is 0 to " + MAX_INDEX + ": " + index);
        }
        if (size < MIN_SIZE || size > MAX_SIZE) {
            throw new IllegalArgumentException("a message is " + MIN_SIZE + " to " + MAX_SIZE + " bytes: " + size);
        }
    }

    /** Byte {@code position} of the message. */
    static byte byteAt(long index, int size, boolean replyWanted, int position) {
        if (position == 0) {
            return '#';
        }
        if (position < 8) {
            long digit = index;
            for (int i = position; i < 7; i++) {
                digit /= 10;
            }
            return (byte) ('0' + digit % 10);
        }
        if (position == 8) {
            return (byte) (replyWanted ? '?' : '.');
        }
        return (byte) (position == size - 1 ? '\n' : 'x');
    }

    /** The number of the message in {@code bytes[offset, offset + length)}, or empty when it is not one. */
    public static OptionalLong index(byte[] bytes, int offset, int length) {
        if (length < MIN_SIZE || bytes[offset] != '#' || bytes[offset + length - 1] != '\n') {
            return OptionalLong.empty();
        }
        long index = 0;
        for (int i = 1; i < 8; i++) {
            byte b = bytes[offset + i];
            if (b < '0' || b > '9') {
                return OptionalLong.empty();
            }
            index = index * 10 + (b - '0');
        }
        byte flag = bytes[offset + 8];
        return flag == '?' || flag == '.' ? OptionalLong.of(index) : OptionalLong.empty();
    }

    /** True when the message asks to be sent back. */
    public static boolean replyWanted(byte[] bytes, int offset) {
        return bytes[offset + 8] == '?';
    }

    /**
     * The line a receiving program prints for each message, the same in the live and the simulated
     * runs, from which {@link #receivedIndex} reads the number back.
     */
    public static String receivedLine(long index, int size, String from, boolean echoed) {
        return RECEIVED + index + " (" + size + " bytes) from " + from + (echoed ? ", sent back" : "");
    }

    /** The number in a line made by {@link #receivedLine}, or empty for any other line. */
    public static OptionalLong receivedIndex(String line) {
        if (!line.startsWith(RECEIVED)) {
            return OptionalLong.empty();
        }
        Matcher matcher = RECEIVED_LINE.matcher(line);
        return matcher.matches() ? OptionalLong.of(Long.parseLong(matcher.group(1))) : OptionalLong.empty();
    }

    /**
     * True when a receiver waiting for {@code expected} got instead an earlier message: a reply that came
     * after its sender had given it up as lost, or a duplicate. Such a datagram is noted and skipped, not
     * a failure.
     */
    public static boolean isEarlier(Payload expected, byte[] bytes, int offset, int length) {
        if (!(expected instanceof Payload.Message message)) {
            return false;
        }
        OptionalLong index = index(bytes, offset, length);
        return index.isPresent() && index.getAsLong() < message.index();
    }
}

package org.wirelab.core.stats;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The text of tshark's {@code -z conv,tcp} and {@code -z conv,udp} tables (ui/cli/tap-iousers.c in
 * Wireshark 4.0), character for character: conversations sorted by total frames, most first, ties in
 * creation order; sizes in Wireshark's SI units ("1351 bytes", "19 kB").
 */
public final class ConversationTableText {
    private static final String RULE = "================================================================================\n";
    private static final String PORT_INDENT = "            ";

    /** Names a conversation's endpoint as "address:port", without brackets for IPv6, as tshark does. */
    @FunctionalInterface
    public interface SocketNames {
        String socket(int stream, int side);
    }

    private ConversationTableText() {
    }

    /**
     * One table; {@code protocol} is "TCP" or "UDP", {@code filter} the display filter that chose the frames
     * counted (as tshark's {@code -z conv,tcp,FILTER}), or null for all of them.
     */
    public static String render(String protocol, String filter, List<Conversation> conversations, SocketNames names) {
        StringBuilder out = new StringBuilder();
        out.append(RULE);
        out.append(protocol).append(" Conversations\n");
        out.append("Filter:").append(filter == null ? "<No Filter>" : filter).append('\n');
        out.append(PORT_INDENT).append("                                               |       <-      | |       ->      | |     Total     |    Relative    |   Duration   |\n");
        out.append(PORT_INDENT).append("                                               | Frames  Bytes | | Frames  Bytes | | Frames  Bytes |      Start     |              |\n");
        // By hand rather than String.format, which cost most of the command's time at 63,000 rows.
        for (Conversation c : byFramesDescending(conversations)) {
            padRight(out, names.socket(c.stream(), c.sideA()), 26).append(" <-> ");
            padRight(out, names.socket(c.stream(), 1 - c.sideA()), 26).append("  ");
            padLeft(out, Long.toString(c.framesBToA()), 6).append(' ');
            padRight(out, size(c.bytesBToA()), 9).append("  ");
            padLeft(out, Long.toString(c.framesAToB()), 6).append(' ');
            padRight(out, size(c.bytesAToB()), 9).append("  ");
            padLeft(out, Long.toString(c.frames()), 6).append(' ');
            padRight(out, size(c.bytes()), 9).append("  ");
            padLeft(out, seconds(c.relativeStartNanos()), 14).append("   ");
            padLeft(out, fourDecimals(toSeconds(c.relativeStopNanos()) - toSeconds(c.relativeStartNanos())), 12)
                    .append('\n');
        }
        out.append(RULE);
        return out.toString();
    }

    /**
     * tap-iousers.c prints the largest total first, then repeatedly the next smaller total, each time
     * walking the conversations in creation order (the order of {@code conversations}); conversations
     * without frames never print.
     */
    static List<Conversation> byFramesDescending(List<Conversation> conversations) {
        List<Conversation> sorted = new ArrayList<>(conversations);
        sorted.removeIf(c -> c.frames() == 0);
        sorted.sort((x, y) -> Long.compare(y.frames(), x.frames()));   // stable: ties stay in creation order
        return sorted;
    }

    /**
     * Wireshark's format_size(bytes, FORMAT_SIZE_UNIT_BYTES, SI prefixes): the largest prefix whose
     * integer quotient is at least 10, truncated ("19 kB" for 19,999 bytes), else "N bytes".
     */
    public static String size(long bytes) {
        String[] prefixes = {"T", "G", "M", "k"};
        long[] powers = {1_000_000_000_000L, 1_000_000_000L, 1_000_000L, 1_000L};
        for (int i = 0; i < prefixes.length; i++) {
            if (bytes / powers[i] >= 10) {
                return bytes / powers[i] + " " + prefixes[i] + "B";
            }
        }
        return bytes + " bytes";
    }

    /** Nanoseconds as seconds with nine decimals, exactly (tshark's "%14.9f" of an nstime). */
    static String seconds(long nanos) {
        String sign = nanos < 0 ? "-" : "";
        long abs = Math.abs(nanos);
        String fraction = Long.toString(abs % 1_000_000_000L);
        return sign + abs / 1_000_000_000L + "." + "000000000".substring(fraction.length()) + fraction;
    }

    /**
     * C's "%.4f" of {@code value}, as tshark prints a duration: the exact binary value rounded, a tie to
     * even (Java's formatter rounds the shortest decimal instead, half up: -22.58525 gave -22.5853
     * where tshark prints -22.5852).
     */
    static String fourDecimals(double value) {
        double scaled = value * 10_000;
        double whole = Math.floor(scaled);
        double fraction = scaled - whole;
        // The product is within half an ulp of the exact one: unless it lies that close to a tie, rounding
        // it rounds the exact value the same way, without the exact decimal expansion of a BigDecimal
        // (which cost a third of the table's time at 63,000 rows).
        if (Math.abs(scaled) < 1e15 && Math.abs(fraction - 0.5) > 4 * Math.ulp(scaled)) {
            long units = (long) whole + (fraction > 0.5 ? 1 : 0);
            boolean negative = units < 0 || units == 0 && Double.doubleToRawLongBits(value) < 0;
            long magnitude = Math.abs(units);
            String decimals = Long.toString(10_000 + magnitude % 10_000).substring(1);
            return (negative ? "-" : "") + magnitude / 10_000 + "." + decimals;
        }
        return exactFourDecimals(value);
    }

    /** {@link #fourDecimals} through the exact decimal value. */
    static String exactFourDecimals(double value) {
        String text = new BigDecimal(value).setScale(4, RoundingMode.HALF_EVEN).toPlainString();
        // A negative value that rounds to zero keeps its sign, as printf writes -0.0000.
        return Double.doubleToRawLongBits(value) < 0 && text.charAt(0) != '-' ? "-" + text : text;
    }

    private static StringBuilder padRight(StringBuilder out, String text, int width) {
        out.append(text);
        for (int i = text.length(); i < width; i++) {
            out.append(' ');
        }
        return out;
    }

    private static StringBuilder padLeft(StringBuilder out, String text, int width) {
        for (int i = text.length(); i < width; i++) {
            out.append(' ');
        }
        return out.append(text);
    }

    /** Wireshark's nstime_to_sec: whole seconds plus the nanoseconds as a fraction, in a double. */
    private static double toSeconds(long nanos) {
        return Math.floorDiv(nanos, 1_000_000_000L) + Math.floorMod(nanos, 1_000_000_000L) / 1e9;
    }
}

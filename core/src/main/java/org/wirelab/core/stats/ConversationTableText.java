package org.wirelab.core.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The text of tshark's {@code -z conv,tcp} and {@code -z conv,udp} tables (ui/cli/tap-iousers.c in
 * Wireshark 4.0), character for character: conversations sorted by total frames, most first, ties in
 * stream order; sizes in Wireshark's SI units ("1351 bytes", "19 kB").
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

    /** One table; {@code protocol} is "TCP" or "UDP". */
    public static String render(String protocol, List<Conversation> conversations, SocketNames names) {
        StringBuilder out = new StringBuilder();
        out.append(RULE);
        out.append(protocol).append(" Conversations\n");
        out.append("Filter:<No Filter>\n");
        out.append(PORT_INDENT).append("                                               |       <-      | |       ->      | |     Total     |    Relative    |   Duration   |\n");
        out.append(PORT_INDENT).append("                                               | Frames  Bytes | | Frames  Bytes | | Frames  Bytes |      Start     |              |\n");
        for (Conversation c : byFramesDescending(conversations)) {
            String a = names.socket(c.stream(), c.sideA());
            String b = names.socket(c.stream(), 1 - c.sideA());
            out.append(String.format(Locale.ROOT, "%-26s <-> %-26s  %6d %-9s  %6d %-9s  %6d %-9s  ",
                    a, b, c.framesBToA(), size(c.bytesBToA()), c.framesAToB(), size(c.bytesAToB()),
                    c.frames(), size(c.bytes())));
            out.append(String.format(Locale.ROOT, "%14s   %12.4f\n", seconds(c.relativeStartNanos()),
                    toSeconds(c.relativeStopNanos()) - toSeconds(c.relativeStartNanos())));
        }
        out.append(RULE);
        return out.toString();
    }

    /**
     * tap-iousers.c prints the largest total first, then repeatedly the next smaller total, each time
     * walking the conversations in creation order; conversations without frames never print.
     */
    static List<Conversation> byFramesDescending(List<Conversation> conversations) {
        List<Conversation> sorted = new ArrayList<>(conversations);
        sorted.removeIf(c -> c.frames() == 0);
        sorted.sort((x, y) -> x.frames() != y.frames() ? Long.compare(y.frames(), x.frames())
                : Integer.compare(x.stream(), y.stream()));
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
        return String.format(Locale.ROOT, "%s%d.%09d", sign, abs / 1_000_000_000L, abs % 1_000_000_000L);
    }

    /** Wireshark's nstime_to_sec: whole seconds plus the nanoseconds as a fraction, in a double. */
    private static double toSeconds(long nanos) {
        return Math.floorDiv(nanos, 1_000_000_000L) + Math.floorMod(nanos, 1_000_000_000L) / 1e9;
    }
}

package org.wirelab.app.packets;

import java.util.Locale;
import java.util.function.BooleanSupplier;
import org.wirelab.core.analysis.ConversationIndex;
import org.wirelab.app.capture.Capture;

/**
 * Which frames the packet list shows: those of one TCP stream (or all), of one protocol (or all),
 * whose text contains the query (case-insensitive), among the first {@code revealed} frames.
 */
public record PacketFilter(int tcpStream, String protocol, String text, int revealed) {
    public static final PacketFilter ALL = new PacketFilter(-1, "", "", Integer.MAX_VALUE);

    public PacketFilter {
        protocol = protocol == null ? "" : protocol;
        text = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    }

    public boolean showsEverything() {
        return tcpStream < 0 && protocol.isEmpty() && text.isEmpty();
    }

    /**
     * The indices of the frames shown, in order; null when {@code stop} turned true (a newer filter
     * replaced this one before it finished).
     */
    public int[] apply(Capture capture, PacketRows rows, BooleanSupplier stop) {
        int count = Math.min(capture.size(), revealed);
        int[] shown = new int[count];
        int n = 0;
        ConversationIndex conversations = capture.analysis().conversations();
        for (int i = 0; i < count; i++) {
            if ((i & 0xfff) == 0 && stop.getAsBoolean()) {
                return null;
            }
            if (tcpStream >= 0 && conversations.tcpStream(i) != tcpStream) {
                continue;
            }
            if (!protocol.isEmpty() && !rows.protocol(i).equalsIgnoreCase(protocol)) {
                continue;
            }
            if (!text.isEmpty() && !rows.searchable(i).toLowerCase(Locale.ROOT).contains(text)) {
                continue;
            }
            shown[n++] = i;
        }
        return java.util.Arrays.copyOf(shown, n);
    }
}

package org.wirelab.app.packets;

import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import org.wirelab.core.analysis.ConversationIndex;
import org.wirelab.source.Capture;
import org.wirelab.core.fields.CaptureFields;
import org.wirelab.core.filter.DisplayFilter;

/**
 * Which frames the packet list shows: those of one TCP stream (or all), of one protocol (or all),
 * whose text contains the query (case-insensitive), that a display filter selects (when there is one),
 * among the first {@code revealed} frames.
 */
public record PacketFilter(int tcpStream, String protocol, String text, int revealed, DisplayFilter display) {
    /** How many times a filter says how far it is. */
    static final int PROGRESS_REPORTS = 100;
    public static final PacketFilter ALL = new PacketFilter(-1, "", "", Integer.MAX_VALUE);

    /** Without a display filter. */
    public PacketFilter(int tcpStream, String protocol, String text, int revealed) {
        this(tcpStream, protocol, text, revealed, null);
    }

    public PacketFilter withTcpStream(int stream) {
        return new PacketFilter(stream, protocol, text, revealed, display);
    }

    public PacketFilter withProtocol(String newProtocol) {
        return new PacketFilter(tcpStream, newProtocol, text, Integer.MAX_VALUE, display);
    }

    public PacketFilter withRevealed(int count) {
        return new PacketFilter(tcpStream, protocol, text, count, display);
    }

    /** The same with a text search and no display filter, or the reverse: the filter box has one mode at a time. */
    public PacketFilter withSearch(String newText, DisplayFilter newDisplay) {
        return new PacketFilter(tcpStream, protocol, newText, Integer.MAX_VALUE, newDisplay);
    }

    public PacketFilter {
        protocol = protocol == null ? "" : protocol;
        text = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    }

    public boolean showsEverything() {
        return tcpStream < 0 && protocol.isEmpty() && text.isEmpty() && display == null;
    }

    /**
     * The indices of the frames shown, in order; null when {@code stop} turned true (a newer filter
     * replaced this one before it finished).
     */
    public int[] apply(Capture capture, PacketRows rows, BooleanSupplier stop) {
        return apply(capture, rows, stop, fraction -> { });
    }

    /**
     * The same, telling {@code progress} how far it is (0 to 1) about a hundred times on the way, so
     * that a filter over a million frames shows it moves.
     */
    public int[] apply(Capture capture, PacketRows rows, BooleanSupplier stop, DoubleConsumer progress) {
        int count = Math.min(capture.size(), revealed);
        int reportEvery = Math.max(1, count / PROGRESS_REPORTS);
        int[] shown = new int[count];
        int n = 0;
        ConversationIndex conversations = capture.analysis().conversations();
        DisplayFilter.Matcher matcher = display == null ? null
                : display.matcher(new CaptureFields(capture.analysis()));
        for (int i = 0; i < count; i++) {
            if ((i & 0xfff) == 0 && stop.getAsBoolean()) {
                return null;
            }
            if (i % reportEvery == 0 && i > 0) {
                progress.accept((double) i / count);
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
            if (matcher != null && !matcher.matches(i)) {
                continue;
            }
            shown[n++] = i;
        }
        progress.accept(1);
        return java.util.Arrays.copyOf(shown, n);
    }
}

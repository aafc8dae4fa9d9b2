package org.wirelab.core.ladder.draw;

import java.util.Map;
import java.util.ResourceBundle;
import org.wirelab.core.ladder.CaptureLadder;

/**
 * The prose a ladder drawing writes, in one language: column headings, lane roles, legend entries.
 * Protocol terms (flags, Seq, Ack, state names, tshark's expert notes) are never translated; wirelab's own
 * note that a frame was lost on the way is ({@code ladder.note.lost}). {@link #ENGLISH}
 * is the default; {@link #of(ResourceBundle)} reads a bundle with the keys {@code ladder.time},
 * {@code ladder.frame}, {@code ladder.role.client|server|host}, {@code ladder.legend.normal|
 * retransmission|duplicateAck|reset|warning|state}.
 */
public record LadderTexts(String time, String frame, Map<String, String> roles, Map<ArrowKind, String> legend,
        String stateLegend, String lostNote) {

    public static final LadderTexts ENGLISH = new LadderTexts("Time (s)", "No.",
            Map.of("client", "client", "server", "server", "host", "host"),
            Map.of(ArrowKind.NORMAL, "segment or datagram", ArrowKind.RETRANSMISSION, "retransmission",
                    ArrowKind.DUPLICATE_ACK, "duplicate ACK", ArrowKind.RESET, "reset (RST)",
                    ArrowKind.WARNING, "other warning"),
            "TCP state after the arrow", CaptureLadder.LOST);

    public LadderTexts {
        roles = Map.copyOf(roles);
        legend = Map.copyOf(legend);
    }

    public static LadderTexts of(ResourceBundle bundle) {
        return new LadderTexts(bundle.getString("ladder.time"), bundle.getString("ladder.frame"),
                Map.of("client", bundle.getString("ladder.role.client"),
                        "server", bundle.getString("ladder.role.server"),
                        "host", bundle.getString("ladder.role.host")),
                Map.of(ArrowKind.NORMAL, bundle.getString("ladder.legend.normal"),
                        ArrowKind.RETRANSMISSION, bundle.getString("ladder.legend.retransmission"),
                        ArrowKind.DUPLICATE_ACK, bundle.getString("ladder.legend.duplicateAck"),
                        ArrowKind.RESET, bundle.getString("ladder.legend.reset"),
                        ArrowKind.WARNING, bundle.getString("ladder.legend.warning")),
                bundle.getString("ladder.legend.state"),
                bundle.containsKey("ladder.note.lost") ? bundle.getString("ladder.note.lost") : CaptureLadder.LOST);
    }

    /** A note in this language: wirelab's own notes ("Lost on the way...") are translated, tshark's kept. */
    public String note(String text) {
        return text.equals(CaptureLadder.LOST) ? lostNote : text;
    }

    /** A lane role in this language ("client" -> "client", "server" -> "serveur"); unknown roles as they are. */
    public String role(String role) {
        return roles.getOrDefault(role, role);
    }
}

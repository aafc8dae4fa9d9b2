package org.wirelab.core.ladder.text;

import org.wirelab.core.ladder.Arrow;
import org.wirelab.core.ladder.Ladder;
import org.wirelab.core.ladder.LadderLayout;
import org.wirelab.core.ladder.Lane;
import org.wirelab.core.ladder.LaneNote;
import org.wirelab.core.text.CaptureText;

/**
 * A ladder as a Mermaid sequence diagram (Markdown, slides): one participant per lane, one message per
 * arrow labelled like the canvas (retransmissions dotted), each TCP state change as a note over the
 * lane. Characters Mermaid reads as syntax in a message ({@code #}, {@code ;}) are written as its
 * entity codes.
 */
public final class LadderMermaid {
    private LadderMermaid() {
    }

    public static String render(Ladder ladder, boolean rawNumbers, String title) {
        StringBuilder out = new StringBuilder("---\ntitle: ").append(text(title)).append("\n---\nsequenceDiagram\n");
        for (Lane lane : ladder.lanes()) {
            out.append("    participant ").append(LadderLayout.tag(lane.index())).append(" as ")
                    .append(text(LadderLayout.title(lane) + " (" + lane.role() + ")")).append('\n');
        }
        // FINs that crossed (RFC 9293 figure 13) in a "par" block, one section per direction in turn:
        // Mermaid draws no slanting arrow, but says so that they were on the way at the same time.
        int parEnd = -1;
        int sectionFrom = -1;
        for (int i = 0; i < ladder.size(); i++) {
            Arrow arrow = ladder.arrow(i);
            if (parEnd < 0 && arrow.isDrawable()) {
                int partner = laterCrossingFin(ladder, i);
                if (partner > i) {
                    out.append("    par ").append(text(SequenceText.crossing(ladder, i, partner))).append('\n');
                    parEnd = partner;
                    sectionFrom = arrow.fromLane();
                }
            } else if (parEnd >= 0 && arrow.isDrawable() && arrow.fromLane() != sectionFrom) {
                out.append("    and\n");
                sectionFrom = arrow.fromLane();
            }
            if (!arrow.isDrawable()) {
                out.append("    %% frame ").append(arrow.frameNumber()).append(": ").append(text(arrow.label()))
                        .append('\n');
                continue;
            }
            out.append("    ").append(LadderLayout.tag(arrow.fromLane()))
                    .append(SequenceText.dashed(arrow) ? "-->>" : "->>")
                    .append(LadderLayout.tag(arrow.toLane())).append(": ")
                    .append(text(SequenceText.message(arrow, rawNumbers))).append('\n');
            for (LaneNote note : arrow.notes()) {
                if (note.kind() == LaneNote.Kind.STATE && note.lane() >= 0) {
                    out.append("    Note over ").append(LadderLayout.tag(note.lane())).append(": ")
                            .append(text(note.outcome())).append('\n');
                }
            }
            if (i == parEnd) {
                out.append("    end\n");
                parEnd = -1;
            }
        }
        return out.toString();
    }

    /** The later FIN that crossed FIN {@code index} on the way, or -1. */
    private static int laterCrossingFin(Ladder ladder, int index) {
        int arrival = ladder.arrivalIndex(index);
        for (int later = index + 1; later < arrival && later < ladder.size(); later++) {
            if (SequenceText.crossedFin(ladder, later) == index) {
                return later;
            }
        }
        return -1;
    }

    /**
     * One line, capture text escaped as everywhere ({@link CaptureText}: no line ends or control characters
     * remain), with '#', ';', '<' and '>' as Mermaid entity codes (a raw '#' starts an entity, ';' ends a
     * statement, and Mermaid reads markup in labels).
     */
    static String text(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : CaptureText.escape(text).toCharArray()) {
            switch (c) {
                case '#' -> out.append("#35;");
                case ';' -> out.append("#59;");
                case '<' -> out.append("#60;");
                case '>' -> out.append("#62;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}

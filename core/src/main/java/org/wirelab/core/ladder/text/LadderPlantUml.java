package org.wirelab.core.ladder.text;

import org.wirelab.core.ladder.Arrow;
import org.wirelab.core.ladder.Ladder;
import org.wirelab.core.ladder.LadderLayout;
import org.wirelab.core.ladder.Lane;
import org.wirelab.core.ladder.LaneNote;
import org.wirelab.core.ladder.draw.ArrowKind;
import org.wirelab.core.text.CaptureText;

/**
 * A ladder as a PlantUML sequence diagram a teacher pastes into slides: one participant per lane (tag as
 * its alias, socket and role as its name), one message per arrow labelled like the canvas ("(1) SYN
 * Seq=0 Len=0 Win=65495"), coloured as the canvas colours it (retransmissions dashed), and each TCP
 * state change as a note over the lane. Frames with no address are written as comments.
 */
public final class LadderPlantUml {
    /** Pixels an arrow slants down per row it spans, and at most. */
    private static final int SLANT_PER_ROW = 20;
    private static final int SLANT_MAX = 200;

    private LadderPlantUml() {
    }

    public static String render(Ladder ladder, boolean rawNumbers, String title) {
        StringBuilder out = new StringBuilder("@startuml\n");
        out.append("title ").append(oneLine(title)).append('\n');
        out.append("skinparam sequenceMessageAlign center\n");
        for (Lane lane : ladder.lanes()) {
            out.append("participant \"").append(quoted(LadderLayout.title(lane))).append("\\n(")
                    .append(quoted(lane.role())).append(")\" as ").append(LadderLayout.tag(lane.index())).append('\n');
        }
        for (int i = 0; i < ladder.size(); i++) {
            Arrow arrow = ladder.arrow(i);
            if (!arrow.isDrawable()) {
                out.append("' frame ").append(arrow.frameNumber()).append(": ").append(oneLine(arrow.label())).append('\n');
                continue;
            }
            ArrowKind kind = ArrowKind.of(arrow);
            String line = SequenceText.dashed(arrow) ? "--" : "-";
            String colour = kind == ArrowKind.NORMAL ? "" : "[" + kind.colour().hex() + "]";
            // An arrow taken some rows later (FINs that crossed) slants down that far: "->(40)".
            int rows = ladder.arrivalIndex(i) - i;
            String slant = rows > 0 ? "(" + Math.min(SLANT_MAX, SLANT_PER_ROW * rows) + ")" : "";
            out.append(LadderLayout.tag(arrow.fromLane())).append(' ')
                    .append(colour.isEmpty() ? line + ">" : "-" + colour + line.substring(1) + ">").append(slant).append(' ')
                    .append(LadderLayout.tag(arrow.toLane())).append(" : ")
                    .append(oneLine(SequenceText.message(arrow, rawNumbers))).append('\n');
            for (LaneNote note : arrow.notes()) {
                if (note.kind() == LaneNote.Kind.STATE && note.lane() >= 0) {
                    out.append("hnote over ").append(LadderLayout.tag(note.lane())).append(" : ")
                            .append(note.outcome()).append('\n');
                }
            }
            int crossed = SequenceText.crossedFin(ladder, i);
            if (crossed >= 0) {
                out.append("note across : ").append(SequenceText.crossing(ladder, crossed, i)).append('\n');
            }
        }
        return out.append("@enduml\n").toString();
    }

    private static String quoted(String text) {
        return oneLine(text).replace("\"", "'");
    }

    /**
     * Capture text escaped as everywhere ({@link CaptureText}: no line ends or control characters remain),
     * with its backslashes doubled, since PlantUML reads {@code \n} in a label as a line break.
     */
    private static String oneLine(String text) {
        return CaptureText.escape(text).replace("\\", "\\\\");
    }
}

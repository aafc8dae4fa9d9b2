package org.wirelab.core.ladder.text;

import org.wirelab.core.ladder.Arrow;
import org.wirelab.core.ladder.LaneNote;
import org.wirelab.core.ladder.draw.ArrowKind;

/** What the PlantUML and Mermaid texts say of an arrow: the frame number, flags, numbers and expert notes. */
final class SequenceText {
    private SequenceText() {
    }

    /** "(3) ACK Seq=1 Ack=1 Len=0 Win=65536", with "[Retransmission]" after the flags when there are notes. */
    static String message(Arrow arrow, boolean raw) {
        StringBuilder text = new StringBuilder("(").append(arrow.frameNumber()).append(") ");
        if (arrow.tcp() == null) {
            return text.append(arrow.label()).toString();
        }
        text.append(arrow.tcp().flagNames());
        for (LaneNote note : arrow.notes()) {
            if (note.kind() == LaneNote.Kind.EXPERT) {
                text.append(" [").append(note.text()).append(']');
            }
        }
        return text.append(' ').append(arrow.tcp().numbers(raw)).toString();
    }

    /** Whether to draw the arrow dashed: a retransmission, as the canvas draws it. */
    static boolean dashed(Arrow arrow) {
        return ArrowKind.of(arrow) == ArrowKind.RETRANSMISSION;
    }
}

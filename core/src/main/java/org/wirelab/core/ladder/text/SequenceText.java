package org.wirelab.core.ladder.text;

import org.wirelab.core.protocol.tcp.Tcp;
import org.wirelab.core.ladder.Arrow;
import org.wirelab.core.ladder.Ladder;
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

    /**
     * The earlier FIN that arrow {@code index}, a FIN too, crossed on the way: sent the other way before
     * this one and taken after it was sent ({@link Ladder#arrivalIndex}); -1 when none.
     */
    static int crossedFin(Ladder ladder, int index) {
        if (!isFin(ladder.arrow(index))) {
            return -1;
        }
        for (int earlier : ladder.slantedArrows()) {
            if (earlier < index && ladder.arrivalIndex(earlier) > index && isFin(ladder.arrow(earlier))
                    && ladder.fromLane(earlier) == ladder.toLane(index) && ladder.toLane(earlier) == ladder.fromLane(index)) {
                return earlier;
            }
        }
        return -1;
    }

    private static boolean isFin(Arrow arrow) {
        return arrow.tcp() != null && (arrow.tcp().flags() & Tcp.FIN) != 0;
    }

    /** The note said where two FINs crossed. */
    static String crossing(Ladder ladder, int earlier, int later) {
        return "the FINs of frames " + ladder.frameNumber(earlier) + " and " + ladder.frameNumber(later)
                + " cross on the way: each left before the other arrived (simultaneous close)";
    }

    /** Whether to draw the arrow dashed: a retransmission, as the canvas draws it. */
    static boolean dashed(Arrow arrow) {
        return ArrowKind.of(arrow) == ArrowKind.RETRANSMISSION;
    }
}

package org.wirelab.core.ladder;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The ladder diagram as plain text, what {@code wirelab show FILE} prints: a title per lane (tag, socket,
 * role), then one line per frame with its time relative to the first frame, an arrow from the sender's
 * lane to the receiver's, the frame's label, the TCP state changes it caused ("A: CLOSED -> SYN-SENT")
 * and expert notes ("! Retransmission"). Characters are 7-bit ASCII so any terminal shows them.
 */
public final class LadderTextRenderer {
    private static final int MINIMUM_LANE_GAP = 20;
    private static final int TITLE_PADDING = 3;
    private static final String TIME_HEADER = "Time";
    private static final int TIME_WIDTH = 12;

    private LadderTextRenderer() {
    }

    public static String render(LadderModel model) {
        LadderLayout.Geometry geometry = LadderLayout.compute(model, String::length, MINIMUM_LANE_GAP, TITLE_PADDING);
        StringBuilder out = new StringBuilder();
        List<String> titles = new ArrayList<>();
        List<String> roles = new ArrayList<>();
        for (Lane lane : model.lanes()) {
            titles.add(LadderLayout.title(lane));
            roles.add("(" + lane.role() + ")");
        }
        out.append(pad(TIME_HEADER, TIME_WIDTH)).append(centred(titles, geometry).stripTrailing()).append('\n');
        out.append(pad("", TIME_WIDTH)).append(centred(roles, geometry).stripTrailing()).append('\n');
        for (int i = 0; i < model.arrows().size(); i++) {
            Arrow arrow = model.arrows().get(i);
            StringBuilder line = new StringBuilder();
            line.append(pad(seconds(arrow.relativeTimeNanos()), TIME_WIDTH));
            line.append(arrowRow(geometry, geometry.arrows().get(i)));
            line.append("  ").append(arrow.label());
            String notes = notes(arrow);
            if (!notes.isEmpty()) {
                line.append("   ").append(notes);
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    /** State changes first, then expert notes, joined by "; ". */
    static String notes(Arrow arrow) {
        List<String> parts = new ArrayList<>();
        for (LaneNote note : arrow.notes()) {
            if (note.kind() == LaneNote.Kind.STATE) {
                parts.add(LadderLayout.tag(note.lane()) + ": " + note.text());
            }
        }
        for (LaneNote note : arrow.notes()) {
            if (note.kind() == LaneNote.Kind.EXPERT) {
                parts.add("! " + note.text());
            }
        }
        return String.join("; ", parts);
    }

    private static String arrowRow(LadderLayout.Geometry geometry, LadderLayout.ArrowGeometry arrow) {
        char[] row = new char[geometry.width()];
        Arrays.fill(row, ' ');
        for (int center : geometry.laneCenters()) {
            row[center] = '|';
        }
        if (arrow.drawable()) {
            int from = arrow.fromX();
            int to = arrow.toX();
            if (from == to) {
                // sender and receiver on one lane (e.g. a frame a host sends to itself)
                if (from + 3 < row.length) {
                    row[from + 1] = '-';
                    row[from + 2] = '-';
                    row[from + 3] = '+';
                }
            } else {
                int low = Math.min(from, to);
                int high = Math.max(from, to);
                for (int x = low + 1; x < high; x++) {
                    row[x] = '-';
                }
                if (to > from) {
                    row[high - 1] = '>';
                } else {
                    row[low + 1] = '<';
                }
            }
        }
        return new String(row);
    }

    /** Each text centred on its lane, on one line. */
    private static String centred(List<String> texts, LadderLayout.Geometry geometry) {
        char[] line = new char[geometry.width() + 1];
        Arrays.fill(line, ' ');
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            int start = Math.max(0, geometry.laneCenter(i) - text.length() / 2);
            for (int k = 0; k < text.length() && start + k < line.length; k++) {
                line[start + k] = text.charAt(k);
            }
        }
        return new String(line);
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text + " " : text + " ".repeat(width - text.length());
    }

    /** Seconds with six decimals, as tshark's flow diagram prints times. */
    static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.6f", nanos / 1e9);
    }
}

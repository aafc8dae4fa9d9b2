package org.wirelab.core.ladder;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.wirelab.core.frame.PassProgress;

/**
 * The TCP state each lane of a ladder is in at any arrow: what the lane's last state note before that
 * arrow said ("ESTABLISHED"). A view scrolled to the middle of a long connection shows it at the top of
 * each lane, since the state is written on the lane only where it changes. Built from the few arrows that
 * change a state ({@link Ladder#stateChangeArrows()}), so a million-frame ladder makes only those.
 */
public final class LaneStates {
    /** A million-frame file has some 230,000 changes, each a few microseconds on a quiet core. */
    private static final int CHANGES_BETWEEN_CALLS = 1024;

    private final int[][] arrows;      // per lane: indices of the arrows that changed its state, ascending
    private final String[][] states;   // per lane: the state each of those arrows left it in

    private LaneStates(int[][] arrows, String[][] states) {
        this.arrows = arrows;
        this.states = states;
    }

    public static LaneStates of(Ladder ladder) {
        return of(ladder, PassProgress.NONE);
    }

    /**
     * The same, telling {@code progress} how many of the ladder's arrows it has passed: each state change
     * costs its notes, so it tells every {@link #CHANGES_BETWEEN_CALLS} changes rather than every stride of arrows.
     */
    public static LaneStates of(Ladder ladder, PassProgress progress) {
        int laneCount = ladder.lanes().size();
        // Every state note in arrow order, in flat columns: a million frames have some 230,000 of them, and
        // a list per lane of boxed indices cost the collector as much as making the notes did.
        int[] changes = ladder.stateChangeArrows();
        int[] noteLane = new int[Math.max(16, 2 * changes.length)];
        int[] noteArrow = new int[noteLane.length];
        String[] noteOutcome = new String[noteLane.length];
        Map<String, String> sameOutcome = new HashMap<>();   // a few states' names, each kept once
        int notes = 0;
        int[] perLane = new int[laneCount];
        for (int k = 0; k < changes.length; k++) {
            int index = changes[k];
            if (k % CHANGES_BETWEEN_CALLS == 0) {
                progress.reached(index, ladder.size());
            }
            for (LaneNote note : ladder.stateNotes(index)) {
                if (note.lane() >= 0 && note.lane() < laneCount) {
                    if (notes == noteLane.length) {
                        noteLane = Arrays.copyOf(noteLane, 2 * notes);
                        noteArrow = Arrays.copyOf(noteArrow, 2 * notes);
                        noteOutcome = Arrays.copyOf(noteOutcome, 2 * notes);
                    }
                    noteLane[notes] = note.lane();
                    noteArrow[notes] = index;
                    noteOutcome[notes++] = sameOutcome.computeIfAbsent(note.outcome(), Function.identity());
                    perLane[note.lane()]++;
                }
            }
        }
        int[][] arrows = new int[laneCount][];
        String[][] states = new String[laneCount][];
        for (int lane = 0; lane < laneCount; lane++) {
            arrows[lane] = new int[perLane[lane]];
            states[lane] = new String[perLane[lane]];
        }
        int[] filled = new int[laneCount];
        for (int n = 0; n < notes; n++) {
            int lane = noteLane[n];
            arrows[lane][filled[lane]] = noteArrow[n];
            states[lane][filled[lane]++] = noteOutcome[n];
        }
        return new LaneStates(arrows, states);
    }

    /** The state of {@code lane} after the arrows before {@code index}, or "" when none of them changed it. */
    public String before(int lane, int index) {
        if (lane < 0 || lane >= arrows.length) {
            return "";
        }
        int at = Arrays.binarySearch(arrows[lane], index);
        // The last change strictly before index (several notes of one arrow: the last one counts).
        int last = at >= 0 ? firstOf(arrows[lane], at) - 1 : -at - 2;
        return last < 0 ? "" : states[lane][last];
    }

    private static int firstOf(int[] sorted, int at) {
        while (at > 0 && sorted[at - 1] == sorted[at]) {
            at--;
        }
        return at;
    }
}

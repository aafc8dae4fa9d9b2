package org.wirelab.core.ladder;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The TCP state each lane of a ladder is in at any arrow: what the lane's last state note before that
 * arrow said ("ESTABLISHED"). A view scrolled to the middle of a long connection shows it at the top of
 * each lane, since the state is written on the lane only where it changes. Built from the few arrows that
 * change a state ({@link Ladder#stateChangeArrows()}), so a million-frame ladder makes only those.
 */
public final class LaneStates {
    private final int[][] arrows;      // per lane: indices of the arrows that changed its state, ascending
    private final String[][] states;   // per lane: the state each of those arrows left it in

    private LaneStates(int[][] arrows, String[][] states) {
        this.arrows = arrows;
        this.states = states;
    }

    public static LaneStates of(Ladder ladder) {
        int laneCount = ladder.lanes().size();
        List<List<Integer>> indices = new ArrayList<>();
        List<List<String>> outcomes = new ArrayList<>();
        for (int lane = 0; lane < laneCount; lane++) {
            indices.add(new ArrayList<>());
            outcomes.add(new ArrayList<>());
        }
        for (int index : ladder.stateChangeArrows()) {
            for (LaneNote note : ladder.stateNotes(index)) {
                if (note.lane() >= 0 && note.lane() < laneCount) {
                    indices.get(note.lane()).add(index);
                    outcomes.get(note.lane()).add(note.outcome());
                }
            }
        }
        int[][] arrows = new int[laneCount][];
        String[][] states = new String[laneCount][];
        for (int lane = 0; lane < laneCount; lane++) {
            arrows[lane] = indices.get(lane).stream().mapToInt(Integer::intValue).toArray();
            states[lane] = outcomes.get(lane).toArray(String[]::new);
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

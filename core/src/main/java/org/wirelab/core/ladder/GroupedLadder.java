package org.wirelab.core.ladder;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Another ladder with at most {@code maxLanes} lanes: the lanes with the most arrows keep their own lane
 * (in their original order), and all the others share one last lane, "other (4994 lanes)". A port scan has a
 * lane per scanned port; grouped, its diagram keeps the width of a screen whatever the number of ports.
 * An arrow between two grouped lanes is drawn on the shared lane, as a frame a host sends to itself.
 * Arrows keep their frame numbers, times and labels.
 */
public final class GroupedLadder implements Ladder {
    private static final String OTHER = "other";

    private final Ladder base;
    private final int[] laneMap;
    private final List<Lane> lanes;
    private final int grouped;

    private GroupedLadder(Ladder base, int maxLanes) {
        this.base = base;
        Grouping grouping = Grouping.of(base.lanes(), arrowEnds(base), maxLanes);
        laneMap = grouping.laneMap();
        lanes = grouping.lanes();
        grouped = grouping.grouped();
    }

    /**
     * The lanes shown when lanes {@code original} are grouped to at most {@code maxLanes}, each lane having
     * {@code ends[lane]} arrow ends: lane {@code k} is shown as lane {@code laneMap[k]} of {@code lanes}, and
     * {@code grouped} share the last one (0 when {@code original} has at most {@code maxLanes} lanes).
     */
    public record Grouping(int[] laneMap, List<Lane> lanes, int grouped) {
        public static Grouping of(List<Lane> original, long[] ends, int maxLanes) {
            if (maxLanes < 2) {
                throw new IllegalArgumentException("a grouped ladder has at least 2 lanes, not " + maxLanes);
            }
            int[] laneMap = new int[original.size()];
            if (original.size() <= maxLanes) {
                for (int i = 0; i < laneMap.length; i++) {
                    laneMap[i] = i;
                }
                return new Grouping(laneMap, List.copyOf(original), 0);
            }
            boolean[] kept = busiest(ends, maxLanes - 1);
            List<Lane> shown = new ArrayList<>(maxLanes);
            for (int i = 0; i < laneMap.length; i++) {
                if (kept[i]) {
                    laneMap[i] = shown.size();
                    shown.add(new Lane(shown.size(), original.get(i).name(), original.get(i).role()));
                }
            }
            int grouped = original.size() - shown.size();
            int other = shown.size();
            for (int i = 0; i < laneMap.length; i++) {
                if (!kept[i]) {
                    laneMap[i] = other;
                }
            }
            shown.add(new Lane(other, OTHER + " (" + grouped + " lanes)", "grouped"));
            return new Grouping(laneMap, List.copyOf(shown), grouped);
        }
    }

    /**
     * {@code base} itself when it has at most {@code maxLanes} lanes, else its lanes grouped to
     * {@code maxLanes} (at least 2: one kept and the shared one).
     */
    public static Ladder of(Ladder base, int maxLanes) {
        if (maxLanes < 2) {
            throw new IllegalArgumentException("a grouped ladder has at least 2 lanes, not " + maxLanes);
        }
        return base.lanes().size() <= maxLanes ? base : new GroupedLadder(base, maxLanes);
    }

    /** How many lanes of {@code ladder} share its last lane (0 when it is no grouped ladder). */
    public static int groupedLanes(Ladder ladder) {
        return ladder instanceof GroupedLadder grouped ? grouped.grouped : 0;
    }

    /** How many arrows of {@code base} begin or end on each lane (an arrow from a lane to itself counts once). */
    private static long[] arrowEnds(Ladder base) {
        long[] ends = new long[base.lanes().size()];
        for (int i = 0; i < base.size(); i++) {
            int from = base.fromLane(i);
            int to = base.toLane(i);
            if (from >= 0) {
                ends[from]++;
            }
            if (to >= 0 && to != from) {
                ends[to]++;
            }
        }
        return ends;
    }

    /** Which lanes have the {@code count} largest numbers of arrow ends; ties go to the earlier lane. */
    private static boolean[] busiest(long[] ends, int count) {
        int laneCount = ends.length;
        Integer[] order = new Integer[laneCount];
        for (int lane = 0; lane < laneCount; lane++) {
            order[lane] = lane;
        }
        // Stable sort: lanes with as many arrows stay in their original order.
        Arrays.sort(order, (x, y) -> Long.compare(ends[y], ends[x]));
        boolean[] kept = new boolean[laneCount];
        for (int k = 0; k < count; k++) {
            kept[order[k]] = true;
        }
        return kept;
    }

    @Override
    public List<Lane> lanes() {
        return lanes;
    }

    @Override
    public int size() {
        return base.size();
    }

    @Override
    public int fromLane(int index) {
        int lane = base.fromLane(index);
        return lane < 0 ? lane : laneMap[lane];
    }

    @Override
    public int toLane(int index) {
        int lane = base.toLane(index);
        return lane < 0 ? lane : laneMap[lane];
    }

    @Override
    public int frameNumber(int index) {
        return base.frameNumber(index);
    }

    @Override
    public long relativeTimeNanos(int index) {
        return base.relativeTimeNanos(index);
    }

    @Override
    public int[] stateChangeArrows() {
        return base.stateChangeArrows();
    }

    @Override
    public void writeText(int index, ArrowText text) {
        base.writeText(index, text.through(laneMap));
    }

    @Override
    public int arrivalIndex(int index) {
        return base.arrivalIndex(index);
    }

    @Override
    public int[] slantedArrows() {
        return base.slantedArrows();
    }

    @Override
    public Arrow arrow(int index) {
        Arrow a = base.arrow(index);
        if (a.notes().isEmpty()) {
            return new Arrow(a.frameNumber(), fromLane(index), toLane(index), a.relativeTimeNanos(), a.label(),
                    a.notes(), a.tcp());
        }
        List<LaneNote> notes = new ArrayList<>(a.notes().size());
        for (LaneNote note : a.notes()) {
            notes.add(new LaneNote(note.lane() < 0 ? note.lane() : laneMap[note.lane()], note.kind(), note.text()));
        }
        return new Arrow(a.frameNumber(), fromLane(index), toLane(index), a.relativeTimeNanos(), a.label(), notes,
                a.tcp());
    }
}

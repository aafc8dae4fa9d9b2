package org.wirelab.core.ladder;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntPredicate;
import org.wirelab.core.analysis.CaptureAnalysis;
import org.wirelab.core.analysis.Conversation;
import org.wirelab.core.analysis.ConversationIndex;

/**
 * Some arrows of a ladder (a conversation's, a range of frames) with only the lanes they use, renumbered
 * in order of first use so that the focused diagram starts again at lane A. Arrows keep their frame
 * numbers and times.
 */
public final class FocusedLadder implements Ladder {
    private final Ladder base;
    private final int[] arrowIndices;
    private final int[] laneMap;
    private final List<Lane> lanes = new ArrayList<>();

    /** The arrows of {@code base} at {@code arrowIndices} (ascending). */
    public FocusedLadder(Ladder base, int[] arrowIndices) {
        this.base = base;
        this.arrowIndices = arrowIndices.clone();
        laneMap = new int[base.lanes().size()];
        Arrays.fill(laneMap, -1);
        for (int index : this.arrowIndices) {
            map(base.fromLane(index));
            map(base.toLane(index));
        }
    }

    /**
     * The arrows of one conversation of {@code analysis}; {@code ladder} is that capture's {@link CaptureLadder}
     * (arrow {@code i} is frame {@code i + 1}).
     */
    public static FocusedLadder conversation(CaptureLadder ladder, CaptureAnalysis analysis, Conversation conversation) {
        ConversationIndex index = analysis.conversations();
        boolean tcp = conversation.protocol() == Conversation.Protocol.TCP;
        int[] frames = new int[conversation.frameCount()];
        int count = 0;
        // The conversation numbers its frames in the file; the analysis may be of a part of it.
        int first = analysis.frames().firstIndex();
        int last = Math.min(conversation.lastFrameIndex() - first, analysis.size() - 1);
        for (int i = Math.max(0, conversation.firstFrameIndex() - first); i <= last && count < frames.length; i++) {
            if ((tcp ? index.tcpStream(i) : index.udpStream(i)) == conversation.stream()) {
                frames[count++] = i;
            }
        }
        return new FocusedLadder(ladder, Arrays.copyOf(frames, count));
    }

    /**
     * The arrows of {@code ladder} whose frames {@code selected} accepts (by frame index, 0-based), as a
     * display filter selects them: the ladder's analysis still saw every frame.
     */
    public static FocusedLadder selected(Ladder ladder, IntPredicate selected) {
        int[] arrows = new int[ladder.size()];
        int count = 0;
        for (int k = 0; k < ladder.size(); k++) {
            if (selected.test(ladder.frameNumber(k) - 1)) {
                arrows[count++] = k;
            }
        }
        return new FocusedLadder(ladder, Arrays.copyOf(arrows, count));
    }

    private void map(int lane) {
        if (lane >= 0 && laneMap[lane] < 0) {
            Lane original = base.lanes().get(lane);
            laneMap[lane] = lanes.size();
            lanes.add(new Lane(lanes.size(), original.name(), original.role()));
        }
    }

    @Override
    public List<Lane> lanes() {
        return List.copyOf(lanes);
    }

    @Override
    public int size() {
        return arrowIndices.length;
    }

    @Override
    public int fromLane(int index) {
        int lane = base.fromLane(arrowIndices[index]);
        return lane < 0 ? lane : laneMap[lane];
    }

    @Override
    public int toLane(int index) {
        int lane = base.toLane(arrowIndices[index]);
        return lane < 0 ? lane : laneMap[lane];
    }

    @Override
    public long relativeTimeNanos(int index) {
        return base.relativeTimeNanos(arrowIndices[index]);
    }

    @Override
    public int frameNumber(int index) {
        return base.frameNumber(arrowIndices[index]);
    }

    /** The base ladder's state changes among the arrows shown, as indices of this ladder. */
    @Override
    public int[] stateChangeArrows() {
        return Arrays.stream(base.stateChangeArrows()).map(i -> Arrays.binarySearch(arrowIndices, i))
                .filter(i -> i >= 0).toArray();
    }

    /** The base ladder's arrival row, when that arrow is shown here too. */
    @Override
    public int arrivalIndex(int index) {
        int arrival = Arrays.binarySearch(arrowIndices, base.arrivalIndex(arrowIndices[index]));
        return arrival > index ? arrival : index;
    }

    /** The base ladder's slanted arrows that end on an arrow shown here too. */
    @Override
    public int[] slantedArrows() {
        return Arrays.stream(base.slantedArrows()).map(i -> Arrays.binarySearch(arrowIndices, i))
                .filter(i -> i >= 0 && arrivalIndex(i) > i).toArray();
    }

    @Override
    public void writeText(int index, ArrowText text) {
        base.writeText(arrowIndices[index], text.through(laneMap));
    }

    @Override
    public Arrow arrow(int index) {
        Arrow a = base.arrow(arrowIndices[index]);
        List<LaneNote> notes = new ArrayList<>(a.notes().size());
        for (LaneNote note : a.notes()) {
            notes.add(new LaneNote(note.lane() < 0 ? note.lane() : laneMap[note.lane()], note.kind(), note.text()));
        }
        return new Arrow(a.frameNumber(), fromLane(index), toLane(index), a.relativeTimeNanos(), a.label(), notes,
                a.tcp());
    }
}

package org.wirelab.core.ladder;

import java.util.List;

/**
 * A ladder diagram's lanes and its arrows by index. A {@link LadderModel} holds every arrow;
 * {@link CaptureLadder#of} makes them on demand (arrow {@code i} is frame {@code i + 1}), so that a
 * drawing of a million-frame capture only builds the arrows it shows; a {@link FocusedLadder} shows
 * some of another ladder's arrows.
 */
public interface Ladder {

    List<Lane> lanes();

    /** How many arrows there are. */
    int size();

    /** Arrow {@code index}, 0-based. */
    Arrow arrow(int index);

    /** The sender's lane of arrow {@code index} (-1 when not drawable), without making the arrow when possible. */
    default int fromLane(int index) {
        return arrow(index).fromLane();
    }

    /** The receiver's lane of arrow {@code index} (-1 when not drawable). */
    default int toLane(int index) {
        return arrow(index).toLane();
    }

    /** The frame number of arrow {@code index}, without making the arrow when possible. */
    default int frameNumber(int index) {
        return arrow(index).frameNumber();
    }

    /**
     * The indices of the arrows with a TCP state note, ascending: what a view needs to tell each lane's state
     * at any row ({@link LaneStates}) without making every arrow. A ladder that cannot tell without making
     * them all answers none (the default), and its views show the states only where they change.
     */
    default int[] stateChangeArrows() {
        return new int[0];
    }

    /** The TCP state notes of arrow {@code index} (its notes of kind STATE), without making the whole arrow when possible. */
    default List<LaneNote> stateNotes(int index) {
        return arrow(index).notes().stream().filter(note -> note.kind() == LaneNote.Kind.STATE).toList();
    }

    /** Each lane's TCP state at any arrow: made once a ladder when it can keep it (a view asks at every paint). */
    default LaneStates laneStates() {
        return LaneStates.of(this);
    }

    /**
     * The index of the arrow at whose row arrow {@code index}'s receiver took it, when that is later than
     * its own row and worth drawing (two FINs that crossed on the way, RFC 9293 figure 13): the arrow is
     * then drawn slanting down to just above that row. {@code index} itself otherwise (the default).
     */
    default int arrivalIndex(int index) {
        return index;
    }

    /**
     * The indices of the arrows drawn slanting ({@link #arrivalIndex} later than their own row), ascending:
     * what a text view needs to draw them across the rows they span without asking every arrow. None by default.
     */
    default int[] slantedArrows() {
        return new int[0];
    }

    /** The time of arrow {@code index} from the capture's first frame, without making the arrow when possible. */
    default long relativeTimeNanos(int index) {
        return arrow(index).relativeTimeNanos();
    }

    /**
     * Writes arrow {@code index}'s label and notes as the text diagram shows them, without making the arrow
     * when possible (the default makes it).
     */
    default void writeText(int index, ArrowText text) {
        text.write(arrow(index));
    }
}

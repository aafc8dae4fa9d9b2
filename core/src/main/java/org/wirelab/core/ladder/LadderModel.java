package org.wirelab.core.ladder;

import java.util.List;
import java.util.stream.IntStream;

/**
 * A ladder (sequence) diagram as pure data: lanes in order of first appearance (a conversation's client
 * before its server) and one arrow per frame. Renderers (text, canvas, SVG) draw it through
 * {@link LadderLayout}.
 */
public record LadderModel(List<Lane> lanes, List<Arrow> arrows) implements Ladder {

    public LadderModel {
        lanes = List.copyOf(lanes);
        arrows = List.copyOf(arrows);
    }

    @Override
    public int size() {
        return arrows.size();
    }

    @Override
    public Arrow arrow(int index) {
        return arrows.get(index);
    }

    /** Every arrow is made already: those with a state note. */
    @Override
    public int[] stateChangeArrows() {
        return IntStream.range(0, arrows.size())
                .filter(i -> arrows.get(i).notes().stream().anyMatch(n -> n.kind() == LaneNote.Kind.STATE))
                .toArray();
    }
}

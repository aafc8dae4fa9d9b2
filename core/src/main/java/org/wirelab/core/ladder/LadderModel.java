package org.wirelab.core.ladder;

import java.util.List;

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
}

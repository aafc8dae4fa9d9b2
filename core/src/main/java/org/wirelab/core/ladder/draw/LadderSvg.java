package org.wirelab.core.ladder.draw;

import org.wirelab.core.ladder.Ladder;

/** A whole ladder (every lane, every arrow) as one SVG document, drawn by {@link LadderPainter}. */
public final class LadderSvg {
    private LadderSvg() {
    }

    public static String render(Ladder ladder, LadderTexts texts, boolean rawNumbers, String title) {
        return render(ladder, texts, LadderView.of(0, 0).withRawNumbers(rawNumbers), title, new SvgSurface());
    }

    /**
     * The whole ladder drawn as {@code style} says (raw numbers, time to scale; its size and scroll are
     * ignored), with {@code surface}'s text measure (e.g. a toolkit's font metrics); {@code surface} must be
     * empty.
     */
    public static String render(Ladder ladder, LadderTexts texts, LadderView style, String title, SvgSurface surface) {
        LadderPainter painter = new LadderPainter(ladder, texts, surface);
        LadderView view = wholeDiagram(painter, style);
        painter.paint(surface, view);
        return surface.document(view.width(), view.height(), title);
    }

    /** {@code style} sized to the whole diagram and scrolled to its top left. */
    public static LadderView wholeDiagram(LadderPainter painter, LadderView style) {
        LadderView top = style.scrolledTo(0, 0).zoomed(1);
        return top.sized(painter.width(), painter.height(top));
    }
}

package org.wirelab.core.ladder.draw;

import org.wirelab.core.ladder.Ladder;

/** A whole ladder (every lane, every arrow) as one SVG document, drawn by {@link LadderPainter}. */
public final class LadderSvg {
    private LadderSvg() {
    }

    public static String render(Ladder ladder, LadderTexts texts, boolean rawNumbers, String title) {
        return render(ladder, texts, rawNumbers, title, new SvgSurface());
    }

    /** With {@code surface}'s text measure (e.g. a toolkit's font metrics); {@code surface} must be empty. */
    public static String render(Ladder ladder, LadderTexts texts, boolean rawNumbers, String title, SvgSurface surface) {
        LadderPainter painter = new LadderPainter(ladder, texts, surface);
        LadderView view = LadderView.of(painter.width(), painter.height(1)).withRawNumbers(rawNumbers);
        painter.paint(surface, view);
        return surface.document(view.width(), view.height(), title);
    }
}

package org.wirelab.core.ladder.draw;

import java.util.ArrayList;
import java.util.List;

/**
 * A surface for the painter's tests: records the texts drawn with their place and the frame of each
 * group (arrow) begun, draws nothing else, and measures text as 7 pixels per character.
 */
final class RecordingSurface implements Surface {
    /** A text drawn, where. */
    record Drawn(String text, double x, double y) {
    }

    final List<Drawn> texts = new ArrayList<>();
    final List<Integer> arrows = new ArrayList<>();

    /** The texts drawn, in order. */
    List<String> textsOnly() {
        return texts.stream().map(Drawn::text).toList();
    }

    @Override
    public double textWidth(String text, TextStyle style) {
        return 7.0 * text.length();
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, Rgb colour, double width, boolean dashed) {
    }

    @Override
    public void fillRect(double x, double y, double width, double height, Rgb colour) {
    }

    @Override
    public void strokeRect(double x, double y, double width, double height, Rgb colour, double lineWidth) {
    }

    @Override
    public void fillPolygon(double[] xs, double[] ys, Rgb colour) {
    }

    @Override
    public void text(String text, double x, double y, TextStyle style, Rgb colour, Anchor anchor) {
        texts.add(new Drawn(text, x, y));
    }

    @Override
    public void beginGroup(String kind, int frameNumber) {
        arrows.add(frameNumber);
    }
}

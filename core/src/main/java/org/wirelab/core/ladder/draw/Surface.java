package org.wirelab.core.ladder.draw;

/**
 * Where a drawing goes: a JavaFX canvas, a Java2D image, an SVG document. Coordinates are pixels from the
 * top left; text is placed by its baseline. A surface only paints: what to draw and where is decided by
 * the painter, the same for every surface.
 */
public interface Surface {

    /** Where a text's anchor point is: its start, its middle or its end. */
    enum Anchor { START, MIDDLE, END }

    /** The width of {@code text} in {@code style}, as this surface will draw it. */
    double textWidth(String text, TextStyle style);

    void line(double x1, double y1, double x2, double y2, Rgb colour, double width, boolean dashed);

    void fillRect(double x, double y, double width, double height, Rgb colour);

    void strokeRect(double x, double y, double width, double height, Rgb colour, double lineWidth);

    void fillPolygon(double[] xs, double[] ys, Rgb colour);

    void text(String text, double x, double y, TextStyle style, Rgb colour, Anchor anchor);

    /** The drawing calls up to {@link #endGroup()} belong to one element (e.g. "arrow", frame 3); SVG keeps it. */
    default void beginGroup(String kind, int frameNumber) {
    }

    default void endGroup() {
    }
}

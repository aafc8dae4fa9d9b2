package org.wirelab.app.ladder;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import javafx.geometry.VPos;
import org.wirelab.core.ladder.draw.Rgb;
import org.wirelab.core.ladder.draw.Surface;
import org.wirelab.core.ladder.draw.TextStyle;

/** A ladder {@link Surface} on a JavaFX canvas' {@link GraphicsContext}. */
final class FxSurface implements Surface {
    private final GraphicsContext g;
    private final Map<TextStyle, Font> fonts = new EnumMap<>(TextStyle.class);
    private final Text measure = new Text();
    /** Per style (by ordinal), the advance of each Latin-1 character, NaN until measured: no boxing in the common case. */
    private final double[][] latinAdvances = new double[TextStyle.values().length][LATIN];
    /** Per style, the advances of the other characters. */
    private final Map<TextStyle, Map<Character, Double>> advances = new EnumMap<>(TextStyle.class);
    private static final int LATIN = 256;

    FxSurface(GraphicsContext g) {
        this.g = g;
        for (TextStyle style : TextStyle.values()) {
            fonts.put(style, Font.font("DejaVu Sans", style.bold() ? FontWeight.BOLD : FontWeight.NORMAL, style.size()));
            advances.put(style, new HashMap<>());
            Arrays.fill(latinAdvances[style.ordinal()], Double.NaN);
        }
        g.setTextBaseline(VPos.BASELINE);
        g.setLineCap(StrokeLineCap.BUTT);
    }

    /**
     * The sum of the characters' advances, each measured once per style: laying out a Text node per string
     * would take seconds for the tens of thousands of lane titles of a large capture.
     */
    @Override
    public double textWidth(String text, TextStyle style) {
        double[] latin = latinAdvances[style.ordinal()];
        double width = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < LATIN) {
                if (Double.isNaN(latin[c])) {
                    latin[c] = advance(c, style);
                }
                width += latin[c];
            } else {
                width += advances.get(style).computeIfAbsent(c, other -> advance(other, style));
            }
        }
        return width;
    }

    private double advance(char c, TextStyle style) {
        measure.setFont(fonts.get(style));
        measure.setText(String.valueOf(c));
        return measure.getLayoutBounds().getWidth();
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, Rgb colour, double width, boolean dashed) {
        g.setStroke(color(colour));
        g.setLineWidth(width);
        if (dashed) {
            g.setLineDashes(8, 5);
        }
        g.strokeLine(x1, y1, x2, y2);
        if (dashed) {
            g.setLineDashes();
        }
    }

    @Override
    public void fillRect(double x, double y, double width, double height, Rgb colour) {
        g.setFill(color(colour));
        g.fillRect(x, y, width, height);
    }

    @Override
    public void strokeRect(double x, double y, double width, double height, Rgb colour, double lineWidth) {
        g.setStroke(color(colour));
        g.setLineWidth(lineWidth);
        g.strokeRect(x, y, width, height);
    }

    @Override
    public void fillPolygon(double[] xs, double[] ys, Rgb colour) {
        g.setFill(color(colour));
        g.fillPolygon(xs, ys, xs.length);
    }

    @Override
    public void text(String text, double x, double y, TextStyle style, Rgb colour, Anchor anchor) {
        g.setFill(color(colour));
        g.setFont(fonts.get(style));
        g.setTextAlign(switch (anchor) {
            case START -> TextAlignment.LEFT;
            case MIDDLE -> TextAlignment.CENTER;
            case END -> TextAlignment.RIGHT;
        });
        g.fillText(text, x, y);
    }

    private static Color color(Rgb rgb) {
        return Color.rgb(rgb.red(), rgb.green(), rgb.blue());
    }
}

package org.wirelab.export;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.EnumMap;
import java.util.Map;
import org.wirelab.core.ladder.draw.Rgb;
import org.wirelab.core.ladder.draw.Surface;
import org.wirelab.core.ladder.draw.TextStyle;

/** A ladder {@link Surface} on Java2D: PNG export and text measuring, headless (no display needed). */
public final class Graphics2DSurface implements Surface {
    private static final float[] DASH = {8, 5};

    private final Graphics2D g;
    private final Map<TextStyle, Font> fonts = new EnumMap<>(TextStyle.class);

    public Graphics2DSurface(Graphics2D g) {
        this.g = g;
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        for (TextStyle style : TextStyle.values()) {
            fonts.put(style, font(style));
        }
    }

    /** The font of a style: DejaVu Sans where installed (what the SVG asks for first), else the logical sans-serif. */
    static Font font(TextStyle style) {
        return new Font("DejaVu Sans", style.bold() ? Font.BOLD : Font.PLAIN, style.size());
    }

    @Override
    public double textWidth(String text, TextStyle style) {
        return fonts.get(style).getStringBounds(text, g.getFontRenderContext()).getWidth();
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, Rgb colour, double width, boolean dashed) {
        g.setColor(color(colour));
        g.setStroke(dashed ? new BasicStroke((float) width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, DASH, 0)
                : new BasicStroke((float) width));
        g.draw(new Line2D.Double(x1, y1, x2, y2));
    }

    @Override
    public void fillRect(double x, double y, double width, double height, Rgb colour) {
        g.setColor(color(colour));
        g.fill(new Rectangle2D.Double(x, y, width, height));
    }

    @Override
    public void strokeRect(double x, double y, double width, double height, Rgb colour, double lineWidth) {
        g.setColor(color(colour));
        g.setStroke(new BasicStroke((float) lineWidth));
        g.draw(new Rectangle2D.Double(x, y, width, height));
    }

    @Override
    public void fillPolygon(double[] xs, double[] ys, Rgb colour) {
        Path2D.Double path = new Path2D.Double();
        path.moveTo(xs[0], ys[0]);
        for (int i = 1; i < xs.length; i++) {
            path.lineTo(xs[i], ys[i]);
        }
        path.closePath();
        g.setColor(color(colour));
        g.fill(path);
    }

    @Override
    public void text(String text, double x, double y, TextStyle style, Rgb colour, Anchor anchor) {
        double width = anchor == Anchor.START ? 0 : textWidth(text, style);
        double left = anchor == Anchor.START ? x : anchor == Anchor.MIDDLE ? x - width / 2 : x - width;
        g.setColor(color(colour));
        g.setFont(fonts.get(style));
        g.drawString(text, (float) left, (float) y);
    }

    private static Color color(Rgb rgb) {
        return new Color(rgb.red(), rgb.green(), rgb.blue());
    }
}

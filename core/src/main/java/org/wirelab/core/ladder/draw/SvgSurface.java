package org.wirelab.core.ladder.draw;

import java.util.Locale;
import java.util.function.ToDoubleBiFunction;
import org.wirelab.core.text.CaptureText;

/**
 * A surface that writes an SVG 1.1 document: one element per drawing call, arrows grouped as
 * {@code <g class="arrow" data-frame="N">}. Text widths come from a measure given by the caller (a
 * toolkit's font metrics); without one they are estimated from the number of characters, which is
 * close enough for DejaVu Sans and Arial.
 */
public final class SvgSurface implements Surface {
    private static final String FONTS = "DejaVu Sans, Arial, Helvetica, sans-serif";

    private final StringBuilder body = new StringBuilder();
    private final ToDoubleBiFunction<String, TextStyle> measure;

    public SvgSurface(ToDoubleBiFunction<String, TextStyle> measure) {
        this.measure = measure;
    }

    /** A surface estimating text widths: 0.6 em per character, 0.65 in bold. */
    public SvgSurface() {
        this((text, style) -> text.length() * style.size() * (style.bold() ? 0.65 : 0.6));
    }

    @Override
    public double textWidth(String text, TextStyle style) {
        return measure.applyAsDouble(text, style);
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, Rgb colour, double width, boolean dashed) {
        body.append("<line x1=\"").append(n(x1)).append("\" y1=\"").append(n(y1)).append("\" x2=\"").append(n(x2))
                .append("\" y2=\"").append(n(y2)).append("\" stroke=\"").append(colour.hex())
                .append("\" stroke-width=\"").append(n(width)).append('"')
                .append(dashed ? " stroke-dasharray=\"8 5\"" : "").append("/>\n");
    }

    @Override
    public void fillRect(double x, double y, double width, double height, Rgb colour) {
        body.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(width))
                .append("\" height=\"").append(n(height)).append("\" fill=\"").append(colour.hex()).append("\"/>\n");
    }

    @Override
    public void strokeRect(double x, double y, double width, double height, Rgb colour, double lineWidth) {
        body.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(width))
                .append("\" height=\"").append(n(height)).append("\" fill=\"none\" stroke=\"").append(colour.hex())
                .append("\" stroke-width=\"").append(n(lineWidth)).append("\"/>\n");
    }

    @Override
    public void fillPolygon(double[] xs, double[] ys, Rgb colour) {
        body.append("<polygon points=\"");
        for (int i = 0; i < xs.length; i++) {
            body.append(i == 0 ? "" : " ").append(n(xs[i])).append(',').append(n(ys[i]));
        }
        body.append("\" fill=\"").append(colour.hex()).append("\"/>\n");
    }

    @Override
    public void text(String text, double x, double y, TextStyle style, Rgb colour, Anchor anchor) {
        body.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" font-size=\"")
                .append(style.size()).append('"').append(style.bold() ? " font-weight=\"bold\"" : "")
                .append(anchor == Anchor.START ? "" : anchor == Anchor.MIDDLE ? " text-anchor=\"middle\""
                        : " text-anchor=\"end\"")
                .append(" fill=\"").append(colour.hex()).append("\">").append(escape(text)).append("</text>\n");
    }

    @Override
    public void beginGroup(String kind, int frameNumber) {
        body.append("<g class=\"").append(escape(kind)).append("\" data-frame=\"").append(frameNumber).append("\">\n");
    }

    @Override
    public void endGroup() {
        body.append("</g>\n");
    }

    /** The document: what was drawn, on a {@code width} x {@code height} page, with {@code title} for screen readers. */
    public String document(double width, double height, String title) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"" + n(width) + "\" height=\""
                + n(height) + "\" viewBox=\"0 0 " + n(width) + " " + n(height) + "\" font-family=\"" + FONTS + "\">\n"
                + "<title>" + escape(title) + "</title>\n" + body + "</svg>\n";
    }

    private static String n(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.2f", value);
    }

    /** Capture text escaped as everywhere ({@link CaptureText}), then as XML text and attribute values. */
    static String escape(String text) {
        text = CaptureText.escape(text);
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> out.append(c < 0x20 && c != '\t' ? ' ' : c);
            }
        }
        return out.toString();
    }
}

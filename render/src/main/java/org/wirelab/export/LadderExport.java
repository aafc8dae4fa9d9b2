package org.wirelab.export;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.ResourceBundle;
import javax.imageio.ImageIO;
import org.wirelab.core.ladder.Ladder;
import org.wirelab.core.ladder.draw.LadderPainter;
import org.wirelab.core.ladder.draw.LadderSvg;
import org.wirelab.core.ladder.draw.LadderTexts;
import org.wirelab.core.ladder.draw.LadderView;
import org.wirelab.core.ladder.draw.SvgSurface;
import org.wirelab.core.ladder.text.LadderMermaid;
import org.wirelab.core.ladder.text.LadderPlantUml;
import org.wirelab.core.output.OutputFile;

/**
 * Writes a whole ladder diagram to a file whose extension says the format: {@code .png}, {@code .svg},
 * {@code .puml} (PlantUML) or {@code .mmd} (Mermaid). Works headless. The picture formats are drawn by
 * {@link LadderPainter}, the same drawing as the application's canvas.
 */
public final class LadderExport {
    /** Beyond this many pixels a PNG would not fit in memory: export a conversation, or SVG. */
    static final long MAX_PIXELS = 120_000_000L;

    /** The formats, by file extension. */
    public enum Format {
        PNG, SVG, PLANTUML, MERMAID;

        /** The format of {@code file}'s extension, or null when it has none of ours. */
        public static Format of(Path file) {
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".png")) {
                return PNG;
            }
            if (name.endsWith(".svg")) {
                return SVG;
            }
            if (name.endsWith(".puml") || name.endsWith(".plantuml")) {
                return PLANTUML;
            }
            return name.endsWith(".mmd") || name.endsWith(".mermaid") ? MERMAID : null;
        }
    }

    private LadderExport() {
    }

    /** The ladder's prose in {@code locale} (English or French). */
    public static LadderTexts texts(Locale locale) {
        return LadderTexts.of(ResourceBundle.getBundle("org.wirelab.export.ladder", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
    }

    /**
     * Writes {@code ladder} to {@code file} in {@code format}; {@code title} names the diagram (the capture's
     * file name). Throws IllegalArgumentException when a PNG would be too large to make.
     */
    public static void write(Ladder ladder, Format format, Path file, LadderTexts texts, boolean rawNumbers,
            String title) throws IOException {
        write(ladder, format, file, texts, LadderView.of(0, 0).withRawNumbers(rawNumbers), title);
    }

    /**
     * Like {@link #write(Ladder, Format, Path, LadderTexts, boolean, String)}, the pictures drawn as
     * {@code style} says (raw numbers, time to scale); the text formats take its raw numbers only.
     */
    public static void write(Ladder ladder, Format format, Path file, LadderTexts texts, LadderView style,
            String title) throws IOException {
        boolean rawNumbers = style.rawNumbers();
        // Made before the file is opened: a drawing too large to make leaves no file behind.
        switch (format) {
            case PNG -> {
                BufferedImage image = image(ladder, texts, style);
                OutputFile.writeStream(file, out -> ImageIO.write(image, "png", out));
            }
            case SVG -> writeText(file, LadderSvg.render(ladder, texts, style, title, svgSurface()));
            case PLANTUML -> writeText(file, LadderPlantUml.render(ladder, rawNumbers, title));
            case MERMAID -> writeText(file, LadderMermaid.render(ladder, rawNumbers, title));
        }
    }

    private static void writeText(Path file, String text) throws IOException {
        OutputFile.writeString(file, text);
    }

    /** An SVG surface measuring text with Java2D's metrics of the fonts the SVG names. */
    static SvgSurface svgSurface() {
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2DSurface measure = new Graphics2DSurface(scratch.createGraphics());
        return new SvgSurface(measure::textWidth);
    }

    /** The whole diagram as an image, drawn as {@code style} says. */
    public static BufferedImage image(Ladder ladder, LadderTexts texts, LadderView style) {
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        LadderPainter painter = new LadderPainter(ladder, texts, new Graphics2DSurface(scratch.createGraphics()));
        LadderView whole = LadderSvg.wholeDiagram(painter, style);
        int width = (int) Math.ceil(whole.width());
        int height = (int) Math.ceil(whole.height());
        if ((long) width * height > MAX_PIXELS) {
            throw new IllegalArgumentException("the diagram would be " + width + " x " + height
                    + " pixels, too large for a PNG: export one conversation (--stream N) or SVG");
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            painter.paint(new Graphics2DSurface(g), whole);
        } finally {
            g.dispose();
        }
        return image;
    }
}

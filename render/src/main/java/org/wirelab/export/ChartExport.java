package org.wirelab.export;

import java.awt.Rectangle;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.wirelab.core.output.OutputFile;

/** Writes a chart to PNG or SVG, by the file's extension; headless. */
public final class ChartExport {
    public static final int WIDTH = 1200;
    public static final int HEIGHT = 700;

    private ChartExport() {
    }

    /** Whether {@code file} names a format charts are written in (.png, .svg). */
    public static boolean supports(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".png") || name.endsWith(".svg");
    }

    public static void write(JFreeChart chart, Path file) throws IOException {
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".svg")) {
            SVGGraphics2D g = new SVGGraphics2D(WIDTH, HEIGHT);
            chart.draw(g, new Rectangle(0, 0, WIDTH, HEIGHT));
            // What SVGUtils.writeToSVG writes: the XML declaration, then the element.
            OutputFile.writeString(file, "<?xml version=\"1.0\"?>\n" + g.getSVGElement());
        } else {
            OutputFile.writeStream(file, out -> ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT));
        }
    }
}

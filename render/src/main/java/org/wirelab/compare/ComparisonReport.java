package org.wirelab.compare;

import java.awt.Rectangle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.wirelab.core.compare.Comparison;
import org.wirelab.core.compare.ComparisonTable;
import org.wirelab.core.output.OutputFile;
import org.wirelab.core.pcap.PcapWriter;
import org.wirelab.core.text.CaptureText;

/**
 * A comparison as one self-contained HTML page (styles and charts inline, the charts as SVG), with
 * the two captures written beside it ({@code NAME-udp.pcap}, {@code NAME-tcp.pcap}) and linked, so a
 * teacher can send the page and open the frames in Wireshark.
 */
public final class ComparisonReport {
    private static final String WORDS = "org.wirelab.compare.report";
    private static final int WIDTH = 960;
    private static final int HEIGHT = 480;

    private ComparisonReport() {
    }

    /** Writes the page in English and the two pcap files; returns the pcap files written. */
    public static List<Path> write(Comparison comparison, Path html) throws IOException {
        return write(comparison, html, Locale.ENGLISH);
    }

    /**
     * Writes the page in {@code language} (English or French) and the two pcap files beside it; returns the
     * pcap files. Each file is written whole or not at all ({@link OutputFile}).
     */
    public static List<Path> write(Comparison comparison, Path html, Locale language) throws IOException {
        List<Path> pcaps = pcaps(html);
        Path udp = pcaps.get(0);
        Path tcp = pcaps.get(1);
        OutputFile.write(udp, channel -> PcapWriter.write(comparison.udp().run().frames(), channel,
                PcapWriter.Resolution.NANOSECONDS));
        OutputFile.write(tcp, channel -> PcapWriter.write(comparison.tcp().run().frames(), channel,
                PcapWriter.Resolution.NANOSECONDS));
        OutputFile.writeString(html, page(comparison, udp.getFileName().toString(), tcp.getFileName().toString(),
                language));
        return pcaps;
    }

    /** The captures written beside {@code html}: r.html has r-udp.pcap and r-tcp.pcap, in the same directory. */
    public static List<Path> pcaps(Path html) {
        String base = html.getFileName().toString().replaceFirst("\\.html?$", "");
        return List.of(html.resolveSibling(base + "-udp.pcap"), html.resolveSibling(base + "-tcp.pcap"));
    }

    static String page(Comparison comparison, String udpPcap, String tcpPcap, Locale language) {
        ResourceBundle words = ResourceBundle.getBundle(WORDS, language,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        Locale written = words.getLocale().getLanguage().isEmpty() ? Locale.ENGLISH : words.getLocale();
        StringBuilder page = new StringBuilder();
        String table = ComparisonTable.render(comparison, written);
        page.append("<!DOCTYPE html>\n<html lang=\"").append(written.getLanguage())
                .append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>").append(escape(words.getString("report.title"))).append("</title>\n<style>\n")
                .append("body { font-family: 'DejaVu Sans', sans-serif; margin: 2em auto; max-width: 1000px; color: #222; }\n")
                .append("pre { background: #f5f6f8; padding: 1em; font-size: 14px; }\n")
                .append("figure { margin: 2em 0; } figcaption { color: #555; }\n")
                .append(".udp { color: #d35400; font-weight: bold; } .tcp { color: #1f4e8c; font-weight: bold; }\n")
                .append("</style>\n</head>\n<body>\n")
                .append("<h1>").append(format(words, "report.heading", "<span class=\"udp\">UDP</span>",
                        "<span class=\"tcp\">TCP</span>")).append("</h1>\n")
                .append("<p>").append(escape(ComparisonTable.headline(comparison, written)))
                .append("</p>\n<pre id=\"table\">").append(escape(columns(table)))
                .append("</pre>\n");
        ComparisonCharts charts = ComparisonCharts.in(written);
        figure(page, "bytes", charts.wireBytes(comparison), words.getString("report.bytes"));
        figure(page, "messages", charts.messagesOverTime(comparison), words.getString("report.messages"));
        figure(page, "wire", charts.cumulativeWireBytes(comparison), words.getString("report.wire"));
        page.append("<p>").append(format(words, "report.frames", link(udpPcap), link(tcpPcap))).append("</p>\n");
        return page.append("<p>").append(escape(words.getString("report.made"))).append("</p>\n</body>\n</html>\n")
                .toString();
    }

    /** A pattern whose arguments are markup already (the pattern's own text is escaped as it is put in). */
    private static String format(ResourceBundle words, String key, Object... markup) {
        return new MessageFormat(escape(words.getString(key)).replace("&lt;code&gt;", "<code>")
                .replace("&lt;/code&gt;", "</code>")).format(markup);
    }

    /** The table under its headline: the blank line after the headline goes, the UDP/TCP heading keeps its indent. */
    private static String columns(String table) {
        return table.substring(table.indexOf('\n') + 1).replaceFirst("^\n+", "").stripTrailing();
    }

    private static String link(String file) {
        return "<a href=\"" + escape(href(file)) + "\">" + escape(file) + "</a>";
    }

    /**
     * A file beside the page as a relative URL: every byte of its UTF-8 name percent-encoded but letters,
     * digits, '-', '.', '_' and '~' (RFC 3986's unreserved characters), so that a '#', '?', '%' or space in
     * the name still names the file (and a ':', encoded, cannot make it a scheme).
     */
    static String href(String file) {
        StringBuilder url = new StringBuilder();
        for (byte b : file.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~".indexOf(c) >= 0) {
                url.append((char) c);
            } else {
                url.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return url.toString();
    }

    private static void figure(StringBuilder page, String id, JFreeChart chart, String caption) {
        SVGGraphics2D g = new SVGGraphics2D(WIDTH, HEIGHT);
        chart.draw(g, new Rectangle(0, 0, WIDTH, HEIGHT));
        page.append("<figure id=\"").append(id).append("\">\n").append(g.getSVGElement(id + "-chart")).append('\n')
                .append("<figcaption>").append(escape(caption)).append("</figcaption>\n</figure>\n");
    }

    /** Capture text escaped as everywhere ({@link CaptureText}), then as HTML text and attribute values. */
    private static String escape(String text) {
        return CaptureText.escape(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}

package org.wirelab.compare;

import java.awt.Rectangle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.wirelab.core.compare.Comparison;
import org.wirelab.core.compare.ComparisonTable;
import org.wirelab.core.pcap.PcapWriter;

/**
 * A comparison as one self-contained HTML page (styles and charts inline, the charts as SVG), with
 * the two captures written beside it ({@code NAME-udp.pcap}, {@code NAME-tcp.pcap}) and linked, so a
 * teacher can send the page and open the frames in Wireshark.
 */
public final class ComparisonReport {
    private static final int WIDTH = 960;
    private static final int HEIGHT = 480;

    private ComparisonReport() {
    }

    /** Writes the page and the two pcap files; returns the pcap files written. */
    public static List<Path> write(Comparison comparison, Path html) throws IOException {
        String base = html.getFileName().toString().replaceFirst("\\.html?$", "");
        Path directory = html.toAbsolutePath().getParent();
        Path udp = directory.resolve(base + "-udp.pcap");
        Path tcp = directory.resolve(base + "-tcp.pcap");
        PcapWriter.write(comparison.udp().run().frames(), udp, PcapWriter.Resolution.NANOSECONDS);
        PcapWriter.write(comparison.tcp().run().frames(), tcp, PcapWriter.Resolution.NANOSECONDS);
        Files.writeString(html, page(comparison, udp.getFileName().toString(), tcp.getFileName().toString()),
                StandardCharsets.UTF_8);
        return List.of(udp, tcp);
    }

    static String page(Comparison comparison, String udpPcap, String tcpPcap) {
        StringBuilder page = new StringBuilder();
        String table = ComparisonTable.render(comparison);
        page.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>UDP and TCP compared: wirelab</title>\n<style>\n")
                .append("body { font-family: 'DejaVu Sans', sans-serif; margin: 2em auto; max-width: 1000px; color: #222; }\n")
                .append("pre { background: #f5f6f8; padding: 1em; font-size: 14px; }\n")
                .append("figure { margin: 2em 0; } figcaption { color: #555; }\n")
                .append(".udp { color: #d35400; font-weight: bold; } .tcp { color: #1f4e8c; font-weight: bold; }\n")
                .append("</style>\n</head>\n<body>\n")
                .append("<h1>The same messages over <span class=\"udp\">UDP</span> and <span class=\"tcp\">TCP</span></h1>\n")
                .append("<p>").append(escape(ComparisonTable.headline(comparison)))
                .append("</p>\n<pre id=\"table\">").append(escape(table.substring(table.indexOf('\n') + 1).strip()))
                .append("</pre>\n");
        ComparisonCharts charts = ComparisonCharts.in(Locale.ENGLISH);
        figure(page, "bytes", charts.wireBytes(comparison), "What each protocol put on the wire for the same"
                + " messages: TCP's headers are larger (20 bytes and options against UDP's 8), it sends frames that"
                + " carry no data (handshake, acknowledgements, teardown), and it sends lost data again.");
        figure(page, "messages", charts.messagesOverTime(comparison), "When each message reached the"
                + " receiving program. UDP's first message arrives at once, but a lost one never comes; TCP waits a"
                + " round trip for its handshake, then delivers every message, in order, waiting for retransmissions.");
        figure(page, "wire", charts.cumulativeWireBytes(comparison), "The bytes on the wire as time goes:"
                + " the slope is the rate each protocol achieved.");
        page.append("<p>The frames: <a href=\"").append(escape(udpPcap)).append("\">").append(escape(udpPcap))
                .append("</a> and <a href=\"").append(escape(tcpPcap)).append("\">").append(escape(tcpPcap))
                .append("</a> (pcap, open them in Wireshark or with <code>wirelab show</code>).</p>\n");
        return page.append("<p>Made by wirelab.</p>\n</body>\n</html>\n").toString();
    }

    private static void figure(StringBuilder page, String id, JFreeChart chart, String caption) {
        SVGGraphics2D g = new SVGGraphics2D(WIDTH, HEIGHT);
        chart.draw(g, new Rectangle(0, 0, WIDTH, HEIGHT));
        page.append("<figure id=\"").append(id).append("\">\n").append(g.getSVGElement(id + "-chart")).append('\n')
                .append("<figcaption>").append(escape(caption)).append("</figcaption>\n</figure>\n");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}

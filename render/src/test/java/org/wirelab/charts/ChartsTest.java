package org.wirelab.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Locale;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.wirelab.core.analysis.CaptureAnalysis;
import org.wirelab.core.charts.TcpTimeSequence;
import org.wirelab.core.pcap.CaptureFiles;
import org.wirelab.core.testing.Environment;

/** The charts built from core's series: each point where the series puts it, and back to its frame. */
class ChartsTest {

    private static CaptureAnalysis httpGet() throws Exception {
        return CaptureAnalysis.of(CaptureFiles.read(Environment.samples().resolve("http-get.pcap")).frames());
    }

    @Test
    void theSequenceGraphPlotsEachSegmentAndAckInMillisecondsAndKnowsTheirFrames() throws Exception {
        CaptureAnalysis analysis = httpGet();
        TcpTimeSequence data = TcpTimeSequence.of(analysis, 0);
        FrameChart chart = Charts.in(Locale.ENGLISH).tcpSequence(data);
        XYPlot plot = chart.chart().getXYPlot();
        XYDataset segments = plot.getDataset(0);
        XYDataset acks = plot.getDataset(1);
        assertEquals(data.segments().size(), segments.getItemCount(0) + segments.getItemCount(1));
        for (int k = 0; k < segments.getItemCount(0); k++) {
            TcpTimeSequence.Segment s = data.segments().get(k);
            assertEquals(s.time() * 1000, segments.getXValue(0, k), 1e-9, "a millisecond capture is drawn in ms");
            assertEquals(s.end(), segments.getYValue(0, k));
            assertEquals(s.frameNumber(), chart.points().frameAt(segments, 0, k));
        }
        assertEquals(data.acks().size(), acks.getItemCount(0));
        assertEquals(data.acks().get(0).frameNumber(), chart.points().frameAt(acks, 0, 0));
        assertEquals("Time since the first frame (ms)", plot.getDomainAxis().getLabel());
    }

    @Test
    void axisTitlesAreTranslatedAndAMissingStreamIsSaidSo() throws Exception {
        CaptureAnalysis analysis = httpGet();
        String english = Charts.in(Locale.ENGLISH).create(ChartKind.ROUND_TRIP, analysis, 0).chart().getXYPlot()
                .getRangeAxis().getLabel();
        String french = Charts.in(Locale.FRENCH).create(ChartKind.ROUND_TRIP, analysis, 0).chart().getXYPlot()
                .getRangeAxis().getLabel();
        assertEquals("Round-trip time (ms)", english);
        assertEquals("Temps aller-retour (ms)", french);
        assertNotEquals(english, french);
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> Charts.in(Locale.ENGLISH).create(ChartKind.TCP_SEQUENCE, analysis, 3));
        assertEquals("No TCP stream 3 in this capture", none.getMessage());
    }

    @Test
    void theAxesWriteTheirNumbersAsTheLanguageDoes() throws Exception {
        CaptureAnalysis analysis = httpGet();
        for (ChartKind kind : ChartKind.values()) {
            for (var axis : valueAxes(Charts.in(Locale.FRENCH).create(kind, analysis, 0).chart().getXYPlot())) {
                assertEquals("14\u202f000", axis.getStandardTickUnits().getCeilingTickUnit(5_000.0).valueToString(14_000),
                        kind + " in French");
            }
            for (var axis : valueAxes(Charts.in(Locale.ENGLISH).create(kind, analysis, 0).chart().getXYPlot())) {
                assertEquals("14,000", axis.getStandardTickUnits().getCeilingTickUnit(5_000.0).valueToString(14_000),
                        kind + " in English");
            }
        }
    }

    /** The range axes of a plot, or of each plot a combined plot stacks. */
    private static java.util.List<org.jfree.chart.axis.NumberAxis> valueAxes(XYPlot plot) {
        java.util.List<XYPlot> plots = plot instanceof org.jfree.chart.plot.CombinedDomainXYPlot combined
                ? combined.getSubplots() : java.util.List.of(plot);
        return plots.stream().map(p -> (org.jfree.chart.axis.NumberAxis) p.getRangeAxis()).toList();
    }

    /**
     * On every chart, drawn at the size the app gives it on a 1024x768 screen and at full size, every title
     * under the plot (the legend, notes) starts at least {@link Charts#LEGEND_GAP} below the plot's area,
     * which holds the domain axis' title: the two never touch.
     */
    @Test
    void theAxisTitleNeverTouchesTheLegend() throws Exception {
        CaptureAnalysis analysis = CaptureAnalysis.of(
                CaptureFiles.read(Environment.samples().resolve("scenarios/chat.pcap")).frames());
        for (Locale locale : new Locale[] {Locale.ENGLISH, Locale.FRENCH}) {
            for (ChartKind kind : ChartKind.values()) {
                for (int[] size : new int[][] {{560, 300}, {1100, 600}}) {
                    FrameChart chart = Charts.in(locale).create(kind, analysis, 0);
                    java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(size[0], size[1],
                            java.awt.image.BufferedImage.TYPE_INT_RGB);
                    org.jfree.chart.ChartRenderingInfo info = new org.jfree.chart.ChartRenderingInfo();
                    java.awt.Graphics2D g = image.createGraphics();
                    chart.chart().draw(g, new java.awt.geom.Rectangle2D.Double(0, 0, size[0], size[1]), info);
                    g.dispose();
                    double plotBottom = info.getPlotInfo().getPlotArea().getMaxY();
                    double plotTop = info.getPlotInfo().getPlotArea().getMinY();
                    int below = 0;
                    for (Object entity : info.getEntityCollection().getEntities()) {
                        // The legend's items and the notes: the texts drawn (the legend's own box includes its margin).
                        if (entity instanceof org.jfree.chart.entity.LegendItemEntity
                                || entity instanceof org.jfree.chart.entity.TitleEntity title
                                        && !(title.getTitle() instanceof org.jfree.chart.title.LegendTitle)) {
                            java.awt.geom.Rectangle2D area = ((org.jfree.chart.entity.ChartEntity) entity).getArea().getBounds2D();
                            if (area.getMinY() < plotTop) {
                                continue;   // the chart's own title, above the plot
                            }
                            below++;
                            org.junit.jupiter.api.Assertions.assertTrue(area.getMinY() - plotBottom >= Charts.LEGEND_GAP - 1,
                                    kind + " " + locale + " " + size[0] + "x" + size[1] + ": the text under the plot starts "
                                            + (area.getMinY() - plotBottom) + " px below it");
                        }
                    }
                    org.junit.jupiter.api.Assertions.assertTrue(below > 0, kind + ": a legend under the plot");
                }
            }
        }
    }

    /**
     * At its least height ({@link Charts#MINIMUM_HEIGHT}, times the zoom: a smaller view scrolls), every chart
     * keeps its texts apart, zoomed or not, on tcp-hello's short exchange (whose time-sequence graph has a note
     * under the plot) and on the chat's six conversations (the traffic chart's legend on several lines): the range axis' title, written along the plot, is no longer than the plot is high
     * (zoomed at 1.3 in a short view, it ran over the chart's title above and the legend below), and the
     * chart's title ends above the plot.
     */
    @Test
    void atItsLeastHeightNoTextOfAChartCoversAnother() throws Exception {
        for (String sample : new String[] {"tcp-hello.pcap", "scenarios/chat.pcap"}) {
            CaptureAnalysis analysis = CaptureAnalysis.of(
                    CaptureFiles.read(Environment.samples().resolve(sample)).frames());
            for (Locale locale : new Locale[] {Locale.ENGLISH, Locale.FRENCH}) {
                for (ChartKind kind : ChartKind.values()) {
                    for (double zoom : new double[] {1, 1.15 * 1.15, 1.15 * 1.15 * 1.15}) {
                        for (int width : new int[] {560, 1100}) {
                            int height = (int) Math.ceil(Charts.MINIMUM_HEIGHT * zoom);
                            FrameChart chart = Charts.in(locale).scaled(zoom).create(kind, analysis, 0);
                            java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(width, height,
                                    java.awt.image.BufferedImage.TYPE_INT_RGB);
                            org.jfree.chart.ChartRenderingInfo info = new org.jfree.chart.ChartRenderingInfo();
                            java.awt.Graphics2D g = image.createGraphics();
                            chart.chart().draw(g, new java.awt.geom.Rectangle2D.Double(0, 0, width, height), info);
                            String where = sample + " " + kind + " " + locale + " zoom " + zoom + " " + width + "x" + height;
                            // One plot, or the traffic chart's two plots one above the other, each with its range axis.
                            XYPlot plot = chart.chart().getXYPlot();
                            java.util.List<XYPlot> plots = plot instanceof org.jfree.chart.plot.CombinedDomainXYPlot combined
                                    ? combined.getSubplots() : java.util.List.of(plot);
                            for (int k = 0; k < plots.size(); k++) {
                                var axis = plots.get(k).getRangeAxis();
                                double label = g.getFontMetrics(axis.getLabelFont()).stringWidth(axis.getLabel());
                                java.awt.geom.Rectangle2D data = plots.size() == 1 ? info.getPlotInfo().getDataArea()
                                        : info.getPlotInfo().getSubplotInfo(k).getDataArea();
                                org.junit.jupiter.api.Assertions.assertTrue(label <= data.getHeight(), where + ": the range axis'"
                                        + " title is " + label + " px long beside a plot " + data.getHeight() + " high");
                            }
                            g.dispose();
                            for (Object entity : info.getEntityCollection().getEntities()) {
                                if (entity instanceof org.jfree.chart.entity.TitleEntity title
                                        && title.getTitle() == chart.chart().getTitle()) {
                                    org.junit.jupiter.api.Assertions.assertTrue(
                                            title.getArea().getBounds2D().getMaxY() <= info.getPlotInfo().getPlotArea().getMinY(),
                                            where + ": the title ends above the plot");
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /** The window's zoom reaches the charts: every text at the zoom's size, drawn again, not a blurred picture. */
    @Test
    void aZoomedChartHasItsTextsAtTheZoomsSize() throws Exception {
        var analysis = httpGet();
        var plain = Charts.in(Locale.ENGLISH).create(ChartKind.ROUND_TRIP, analysis, 0).chart();
        var zoomed = Charts.in(Locale.ENGLISH).scaled(1.5).create(ChartKind.ROUND_TRIP, analysis, 0).chart();
        assertEquals(plain.getTitle().getFont().getSize2D() * 1.5, zoomed.getTitle().getFont().getSize2D(), 0.01);
        assertEquals(plain.getXYPlot().getDomainAxis().getLabelFont().getSize2D() * 1.5,
                zoomed.getXYPlot().getDomainAxis().getLabelFont().getSize2D(), 0.01);
        assertEquals(plain.getXYPlot().getRangeAxis().getTickLabelFont().getSize2D() * 1.5,
                zoomed.getXYPlot().getRangeAxis().getTickLabelFont().getSize2D(), 0.01);
        assertEquals(plain.getLegend().getItemFont().getSize2D() * 1.5, zoomed.getLegend().getItemFont().getSize2D(), 0.01);
    }
}

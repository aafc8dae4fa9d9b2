package org.wirelab.compare;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.wirelab.core.compare.Comparison;
import org.wirelab.core.compare.Delivery;
import org.wirelab.core.compare.ProtocolResult;
import org.wirelab.core.compare.TransportCost;
import org.wirelab.core.compare.Workload;
import org.wirelab.core.frame.FrameStore;
import org.wirelab.core.scenario.Transport;
import org.wirelab.core.summary.PacketTable;
import org.wirelab.core.summary.SummaryDecoder;

/**
 * The charts of a UDP/TCP comparison (JFreeChart): where the bytes on the wire went, how the messages
 * reached the server over time, and the wire bytes over time, with their words in English or French.
 * UDP is drawn in orange and TCP in blue in every chart, so a reader never has to look the colours up
 * twice.
 */
public final class ComparisonCharts {
    static final Color UDP = new Color(0xd35400);
    static final Color TCP = new Color(0x1f4e8c);
    private static final Color[] LAYERS = {new Color(0x9e9e9e), new Color(0x2e7d32), new Color(0x8e24aa),
        new Color(0x90caf9), new Color(0xe53935)};
    private static final Color GRID = new Color(0xd0d4d9);
    private static final Font TITLE = new Font("DejaVu Sans", Font.BOLD, 18);
    private static final Font AXIS = new Font("DejaVu Sans", Font.PLAIN, 15);
    private static final Font TICKS = new Font("DejaVu Sans", Font.PLAIN, 13);

    private final ResourceBundle words;
    private final Locale locale;

    private ComparisonCharts(ResourceBundle words, Locale locale) {
        this.words = words;
        this.locale = locale;
    }

    /**
     * The charts with their titles, axes and legends in {@code locale} (French or English), the axes' numbers
     * written as that language writes them ("14 000" in French).
     */
    public static ComparisonCharts in(Locale locale) {
        ResourceBundle words = ResourceBundle.getBundle("org.wirelab.compare.charts", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        boolean french = Locale.FRENCH.getLanguage().equals(locale.getLanguage());
        return new ComparisonCharts(words, french ? Locale.FRENCH : Locale.ENGLISH);
    }

    /** One stacked bar per protocol: link, IP and transport headers, new payload, payload sent again. */
    public JFreeChart wireBytes(Comparison comparison) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (ProtocolResult result : List.of(comparison.udp(), comparison.tcp())) {
            TransportCost cost = result.cost();
            String column = result.transport().name();
            data.addValue(cost.bytes().link(), words.getString("bytes.link"), column);
            data.addValue(cost.bytes().network(), words.getString("bytes.network"), column);
            data.addValue(cost.bytes().transport(), words.getString("bytes.transport"), column);
            data.addValue(cost.newPayload(), words.getString("bytes.payload"), column);
            data.addValue(cost.resentPayload(), words.getString("bytes.resent"), column);
        }
        StackedBarRenderer renderer = new StackedBarRenderer();
        renderer.setShadowVisible(false);
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setMaximumBarWidth(0.25);
        for (int s = 0; s < LAYERS.length; s++) {
            renderer.setSeriesPaint(s, LAYERS[s]);
        }
        CategoryAxis protocols = new CategoryAxis("");
        protocols.setTickLabelFont(AXIS);
        CategoryPlot plot = new CategoryPlot(data, protocols, axis(words.getString("bytes.axis")), renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(GRID);
        plot.setOutlinePaint(GRID);
        return chart(words.getString("bytes.title"), plot);
    }

    /** Distinct messages the server had received, over the time since each run started. */
    public JFreeChart messagesOverTime(Comparison comparison) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (ProtocolResult result : List.of(comparison.udp(), comparison.tcp())) {
            XYSeries series = new XYSeries(result.transport().name(), true, true);
            BitSet seen = new BitSet();
            series.add(0, 0);
            for (Delivery.Arrival arrival : Delivery.arrivals(result.run().log(), Workload.SERVER)) {
                if (!seen.get((int) arrival.index())) {
                    seen.set((int) arrival.index());
                    series.add(arrival.elapsedNanos() / 1e6, seen.cardinality());
                }
            }
            data.addSeries(series);
        }
        return stepChart(words.getString("messages.title"), data, words.getString("messages.time"),
                words.getString("messages.axis"));
    }

    /** Wire bytes of each protocol's frames, added up frame by frame from its first frame. */
    public JFreeChart cumulativeWireBytes(Comparison comparison) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (ProtocolResult result : List.of(comparison.udp(), comparison.tcp())) {
            FrameStore frames = result.run().frames();
            PacketTable table = new SummaryDecoder().decode(frames);
            int protocol = result.transport() == Transport.TCP ? PacketTable.TRANSPORT_TCP : PacketTable.TRANSPORT_UDP;
            XYSeries series = new XYSeries(result.transport().name(), true, true);
            long first = result.cost().firstFrameNanos();
            long total = 0;
            series.add(0, 0);
            for (int i = 0; i < frames.size(); i++) {
                if (table.transport(i) == protocol) {
                    total += frames.originalLength(i);
                    series.add((frames.timestampNanos(i) - first) / 1e6, total);
                }
            }
            data.addSeries(series);
        }
        return stepChart(words.getString("wire.title"), data, words.getString("wire.time"), words.getString("wire.axis"));
    }

    private JFreeChart stepChart(String title, XYSeriesCollection data, String x, String y) {
        XYStepRenderer renderer = new XYStepRenderer();
        renderer.setSeriesPaint(0, UDP);
        renderer.setSeriesPaint(1, TCP);
        renderer.setSeriesStroke(0, new BasicStroke(2.5f));
        renderer.setSeriesStroke(1, new BasicStroke(2.5f));
        NumberAxis time = axis(x);
        XYPlot plot = new XYPlot(data, time, axis(y), renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setOutlinePaint(GRID);
        return chart(title, plot);
    }

    private NumberAxis axis(String label) {
        NumberAxis axis = new NumberAxis(label);
        axis.setStandardTickUnits(NumberAxis.createStandardTickUnits(locale));
        axis.setLabelFont(AXIS);
        axis.setTickLabelFont(TICKS);
        axis.setLabelPaint(Color.BLACK);
        axis.setTickLabelPaint(Color.BLACK);
        return axis;
    }

    private static JFreeChart chart(String title, Plot plot) {
        JFreeChart chart = new JFreeChart(title, TITLE, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.getLegend().setItemFont(TICKS);
        chart.setTitle(new TextTitle(title, TITLE));
        return chart;
    }
}

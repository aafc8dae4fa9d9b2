package org.wirelab.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.renderer.xy.YIntervalRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.wirelab.core.analysis.CaptureAnalysis;
import org.wirelab.core.charts.ConversationTraffic;
import org.wirelab.core.charts.RoundTripTimes;
import org.wirelab.core.charts.TcpTimeSequence;

/**
 * The charts, after JFreeChart's demos: pure functions from the data series core computes to a
 * {@link JFreeChart}, styled for a projector (large type, dark colours on white, a legend under each
 * chart), with axis titles in English or French. The same charts are shown in the application
 * ({@link ChartPane}) and exported (PNG, SVG) headless.
 */
public final class Charts {
    /**
     * The least height of a chart at zoom 1, in pixels (times the zoom when zoomed): the range axis' title is
     * written along the plot, and the title, the notes and the legend keep their lines at any height, so a
     * lower chart squeezes the plot until that title runs over the others. A smaller view scrolls instead.
     */
    public static final double MINIMUM_HEIGHT = 600;
    /** Pixels between the domain axis' title and the legend. */
    static final double LEGEND_GAP = 12;
    static final Color SEGMENT = new Color(0x1f4e8c);
    static final Color RETRANSMISSION = new Color(0xd35400);
    static final Color ACK = new Color(0x2e7d32);
    static final Color WINDOW = new Color(0x8e24aa);
    private static final Color GRID = new Color(0xd0d4d9);
    /** Conversation colours, distinct on a projector; the last series ("other traffic") is grey. */
    private static final Color[] PALETTE = {new Color(0x1f4e8c), new Color(0xd35400), new Color(0x2e7d32),
        new Color(0x8e24aa), new Color(0xc62828), new Color(0x00838f), new Color(0x8d6e00), new Color(0x5d4037)};
    private static final Color OTHER = new Color(0x757575);
    private static final Font TITLE = new Font("DejaVu Sans", Font.BOLD, 18);
    private static final Font AXIS = new Font("DejaVu Sans", Font.PLAIN, 15);
    private static final Font TICKS = new Font("DejaVu Sans", Font.PLAIN, 13);
    private static final Font LEGEND = new Font("DejaVu Sans", Font.PLAIN, 14);

    private final ResourceBundle texts;
    /** How many times their designed size the texts are (the window's zoom). */
    private final double scale;

    private Charts(ResourceBundle texts, double scale) {
        this.texts = texts;
        this.scale = scale;
    }

    /**
     * Seconds, or milliseconds for a capture shorter than half a second (a loopback exchange lasts a
     * millisecond: "0.35 ms" reads better than "0.00035 s").
     */
    private record TimeUnit(double factor, String key) {
        static TimeUnit forDuration(double seconds) {
            return seconds < 0.5 ? new TimeUnit(1000, "chart.time.ms") : new TimeUnit(1, "chart.time");
        }

        double x(double seconds) {
            return seconds * factor;
        }
    }

    /** Charts with their texts in {@code locale} (English unless French). */
    public static Charts in(Locale locale) {
        return new Charts(bundle(locale), 1);
    }

    /** The same charts with every text {@code factor} times its designed size. */
    public Charts scaled(double factor) {
        return new Charts(texts, factor);
    }

    private Font sized(Font designed) {
        return designed.deriveFont((float) (designed.getSize2D() * scale));
    }

    /** The charts' words in {@code locale} (English unless French). */
    public static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle("org.wirelab.charts.charts", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    private String text(String key, Object... arguments) {
        String pattern = texts.getString(key);
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, texts.getLocale()).format(arguments);
    }

    /**
     * The chart {@code kind} of {@code analysis}; {@code stream} is the TCP stream of the per-stream charts.
     * Throws IllegalArgumentException (its message says why, in this chart's language) when there is no such stream.
     */
    public FrameChart create(ChartKind kind, CaptureAnalysis analysis, int stream) {
        if (kind.perStream() && (stream < 0 || stream >= analysis.conversations().tcpStreamCount())) {
            throw new IllegalArgumentException(text("chart.empty", stream));
        }
        return switch (kind) {
            case TCP_SEQUENCE -> tcpSequence(TcpTimeSequence.of(analysis, stream));
            case ROUND_TRIP -> roundTrip(RoundTripTimes.of(analysis, stream));
            case TRAFFIC -> traffic(ConversationTraffic.of(analysis));
        };
    }

    /**
     * Stevens' graph: each segment a vertical bar from its sequence number to its end, retransmissions in
     * orange, the ACK line and the receive window's edge as steps.
     */
    public FrameChart tcpSequence(TcpTimeSequence data) {
        double last = 0;
        for (TcpTimeSequence.Segment seg : data.segments()) {
            last = Math.max(last, seg.time());
        }
        for (TcpTimeSequence.Ack a : data.acks()) {
            last = Math.max(last, a.time());
        }
        TimeUnit unit = TimeUnit.forDuration(last);
        FramePoints points = new FramePoints();
        YIntervalSeries sent = new YIntervalSeries(text("chart.sequence.segments"));
        YIntervalSeries again = new YIntervalSeries(text("chart.sequence.retransmissions"));
        List<Integer> sentFrames = new ArrayList<>();
        List<Double> sentTimes = new ArrayList<>();
        List<Integer> againFrames = new ArrayList<>();
        List<Double> againTimes = new ArrayList<>();
        for (TcpTimeSequence.Segment s : data.segments()) {
            YIntervalSeries series = s.retransmission() ? again : sent;
            series.add(unit.x(s.time()), s.end(), s.sequence(), s.end());
            (s.retransmission() ? againFrames : sentFrames).add(s.frameNumber());
            (s.retransmission() ? againTimes : sentTimes).add(unit.x(s.time()));
        }
        YIntervalSeriesCollection segments = new YIntervalSeriesCollection();
        segments.addSeries(sent);
        segments.addSeries(again);
        points.add(segments, 0, sentFrames, sentTimes);
        points.add(segments, 1, againFrames, againTimes);

        XYSeries acks = new XYSeries(text("chart.sequence.acks"), false, true);
        XYSeries window = new XYSeries(text("chart.sequence.window"), false, true);
        List<Integer> ackFrames = new ArrayList<>();
        List<Double> ackTimes = new ArrayList<>();
        long highestData = 0;
        long highestWindow = 0;
        for (TcpTimeSequence.Segment seg : data.segments()) {
            highestData = Math.max(highestData, seg.end());
        }
        for (TcpTimeSequence.Ack a : data.acks()) {
            acks.add(unit.x(a.time()), a.acknowledgement());
            window.add(unit.x(a.time()), a.windowEdge());
            ackFrames.add(a.frameNumber());
            ackTimes.add(unit.x(a.time()));
            highestData = Math.max(highestData, a.acknowledgement());
            highestWindow = Math.max(highestWindow, a.windowEdge());
        }
        XYSeriesCollection ackLines = new XYSeriesCollection();
        ackLines.addSeries(acks);
        ackLines.addSeries(window);
        points.add(ackLines, 0, ackFrames, ackTimes);
        points.add(ackLines, 1, ackFrames, ackTimes);

        YIntervalRenderer bars = new YIntervalRenderer();
        bars.setSeriesPaint(0, SEGMENT);
        bars.setSeriesPaint(1, RETRANSMISSION);
        bars.setSeriesStroke(0, new BasicStroke(2.5f));
        bars.setSeriesStroke(1, new BasicStroke(3f));
        bars.setSeriesShape(0, new Rectangle2D.Double(-4, -1, 8, 2));
        bars.setSeriesShape(1, new Rectangle2D.Double(-5, -1.5, 10, 3));
        XYStepRenderer steps = new XYStepRenderer();
        steps.setSeriesPaint(0, ACK);
        steps.setSeriesPaint(1, WINDOW);
        steps.setSeriesStroke(0, new BasicStroke(2f));
        steps.setSeriesStroke(1, new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10,
                new float[] {8, 5}, 0));
        NumberAxis sequenceAxis = valueAxis(text("chart.sequence.axis"));
        XYPlot plot = new XYPlot(segments, timeAxis(unit), sequenceAxis, bars);
        plot.setDataset(1, ackLines);
        plot.setRenderer(1, steps);
        tooltips(plot, points);
        // A short exchange under a 64 KiB window: the window's edge would flatten the data to a line at 0.
        boolean windowClipped = highestData > 0 && highestWindow > 4 * highestData;
        if (windowClipped) {
            sequenceAxis.setRange(0, highestData * 1.25);
        }
        String from = data.fromClient() ? data.conversation().client().toString()
                : data.conversation().server().toString();
        String to = data.fromClient() ? data.conversation().server().toString()
                : data.conversation().client().toString();
        JFreeChart chart = chart(text("chart.sequence.title", data.conversation().stream(), from, to), plot);
        if (windowClipped) {
            TextTitle note = new TextTitle(text("chart.sequence.windowAbove", highestWindow), sized(LEGEND));
            note.setPaint(WINDOW);
            note.setPosition(RectangleEdge.BOTTOM);
            note.setMargin(new RectangleInsets(LEGEND_GAP, 0, 0, 0));
            chart.addSubtitle(note);
        }
        return new FrameChart(chart, points);
    }

    /** One point per ACKed segment: when its ACK came (x) and how long after the segment (y, milliseconds). */
    public FrameChart roundTrip(RoundTripTimes data) {
        FramePoints points = new FramePoints();
        TimeUnit unit = TimeUnit.forDuration(data.samples().isEmpty() ? 0
                : data.samples().get(data.samples().size() - 1).time());
        XYSeries series = new XYSeries(text("chart.rtt.series"), false, true);
        int[] frames = new int[data.samples().size()];
        double[] times = new double[frames.length];
        for (int k = 0; k < frames.length; k++) {
            RoundTripTimes.Sample s = data.samples().get(k);
            series.add(unit.x(s.time()), s.seconds() * 1000);
            frames[k] = s.ackFrameNumber();
            times[k] = unit.x(s.time());
        }
        XYSeriesCollection dataset = new XYSeriesCollection(series);
        points.add(dataset, 0, frames, times);
        XYLineAndShapeRenderer dots = new XYLineAndShapeRenderer(false, true);
        dots.setSeriesPaint(0, SEGMENT);
        dots.setSeriesShape(0, new Ellipse2D.Double(-5, -5, 10, 10));
        NumberAxis rtt = valueAxis(text("chart.rtt.axis"));
        rtt.setAutoRangeIncludesZero(true);
        XYPlot plot = new XYPlot(dataset, timeAxis(unit), rtt, dots);
        tooltips(plot, points);
        return new FrameChart(chart(text("chart.rtt.title", data.stream()), plot), points);
    }

    /** Two charts over one time axis: bytes per bucket above, frames per bucket below, a line per conversation. */
    public FrameChart traffic(ConversationTraffic data) {
        FramePoints points = new FramePoints();
        XYSeriesCollection bytes = new XYSeriesCollection();
        XYSeriesCollection frames = new XYSeriesCollection();
        TimeUnit unit = TimeUnit.forDuration(data.bucketStart(data.bucketCount()));
        double[] starts = new double[data.bucketCount()];
        for (int b = 0; b < starts.length; b++) {
            starts[b] = unit.x(data.bucketStart(b));
        }
        for (int s = 0; s < data.series().size(); s++) {
            ConversationTraffic.Series series = data.series().get(s);
            String name = series.name(text("chart.traffic.other"));
            XYSeries byteSeries = new XYSeries(name, false, true);
            XYSeries frameSeries = new XYSeries(name, false, true);
            long[] b = series.bytes();
            int[] f = series.frames();
            for (int k = 0; k < b.length; k++) {
                byteSeries.add(starts[k], b[k]);
                frameSeries.add(starts[k], f[k]);
            }
            if (b.length > 0) {
                // The last bucket's step needs its end, or it is drawn as a bare vertical line.
                double end = unit.x(data.bucketStart(b.length));
                byteSeries.add(end, b[b.length - 1]);
                frameSeries.add(end, f[f.length - 1]);
            }
            bytes.addSeries(byteSeries);
            frames.addSeries(frameSeries);
            points.add(bytes, s, series.firstFrameNumbers(), starts);
            points.add(frames, s, series.firstFrameNumbers(), starts);
        }
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(timeAxis(unit));
        plot.setGap(12);
        XYPlot bytePlot = new XYPlot(bytes, null, valueAxis(text("chart.traffic.bytes")), trafficRenderer(data, true));
        NumberAxis frameAxis = valueAxis(text("chart.traffic.frames"));
        frameAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits(numbers()));
        XYPlot framePlot = new XYPlot(frames, null, frameAxis, trafficRenderer(data, false));
        tooltips(bytePlot, points);
        tooltips(framePlot, points);
        style(bytePlot);
        style(framePlot);
        plot.add(bytePlot, 3);
        plot.add(framePlot, 2);
        return new FrameChart(chart(text("chart.traffic.title", duration(data.bucketNanos())), plot), points);
    }

    private static XYItemRenderer trafficRenderer(ConversationTraffic data, boolean legend) {
        XYStepRenderer renderer = new XYStepRenderer();
        for (int s = 0; s < data.series().size(); s++) {
            boolean other = data.series().get(s).conversation() == null;
            renderer.setSeriesPaint(s, other ? OTHER : PALETTE[s % PALETTE.length]);
            renderer.setSeriesStroke(s, new BasicStroke(2.5f));
            renderer.setSeriesVisibleInLegend(s, legend);
        }
        return renderer;
    }

    /** "10 µs", "2 ms", "1 s": a bucket width. */
    static String duration(long nanos) {
        if (nanos >= 1_000_000_000L) {
            return nanos / 1_000_000_000L + " s";
        }
        return nanos >= 1_000_000 ? nanos / 1_000_000 + " ms" : nanos / 1000 + " µs";
    }

    private static void tooltips(XYPlot plot, FramePoints points) {
        for (int r = 0; r < plot.getRendererCount(); r++) {
            XYItemRenderer renderer = plot.getRenderer(r);
            if (renderer != null) {
                renderer.setDefaultToolTipGenerator((XYDataset dataset, int series, int item) -> {
                    int frame = points.frameAt(dataset, series, item);
                    return frame > 0 ? "#" + frame : null;
                });
            }
        }
    }

    private NumberAxis timeAxis(TimeUnit unit) {
        NumberAxis axis = new NumberAxis(text(unit.key()));
        axis.setAutoRangeIncludesZero(false);
        styleAxis(axis);
        return axis;
    }

    private NumberAxis valueAxis(String label) {
        NumberAxis axis = new NumberAxis(label);
        axis.setAutoRangeIncludesZero(true);
        styleAxis(axis);
        return axis;
    }

    /** The language the axes write their numbers in: "14 000" and "0,5" in French, "14,000" and "0.5" in English. */
    private Locale numbers() {
        return texts.getLocale().getLanguage().equals(Locale.FRENCH.getLanguage()) ? Locale.FRENCH : Locale.ENGLISH;
    }

    private void styleAxis(NumberAxis axis) {
        axis.setStandardTickUnits(NumberAxis.createStandardTickUnits(numbers()));
        axis.setLabelFont(sized(AXIS));
        axis.setTickLabelFont(sized(TICKS));
        axis.setLabelPaint(Color.BLACK);
        axis.setTickLabelPaint(Color.BLACK);
    }

    private static void style(XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setOutlinePaint(GRID);
    }

    private JFreeChart chart(String title, XYPlot plot) {
        style(plot);
        JFreeChart chart = new JFreeChart(title, sized(TITLE), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        LegendTitle legend = chart.getLegend();
        legend.setItemFont(sized(LEGEND));
        legend.setPosition(RectangleEdge.BOTTOM);
        // Room between the domain axis' title and the legend under it, so the two never read as one line.
        legend.setMargin(new RectangleInsets(LEGEND_GAP, 0, 2, 0));
        return chart;
    }
}

package org.wirelab.app.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import java.util.OptionalDouble;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.scene.layout.StackPane;
import org.jfree.chart.entity.ChartEntity;
import org.jfree.chart.entity.XYItemEntity;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.fx.interaction.ChartMouseEventFX;
import org.jfree.chart.fx.interaction.ChartMouseListenerFX;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.wirelab.charts.FrameChart;

/**
 * Hosts a {@link FrameChart} in JavaFX (JFreeChart's {@link ChartViewer}: zoom with the mouse, tooltips
 * naming each point's frame) and ties it to the selection: clicking a point sets
 * {@link #selectedFrameProperty()} to its frame; setting the property from outside marks that frame's
 * time with a vertical line when the chart shows it.
 */
public final class ChartPane extends StackPane {
    private static final Color MARKER = new Color(0xf9a825);

    private final ChartViewer viewer = new ChartViewer(null);
    private final IntegerProperty selectedFrame = new SimpleIntegerProperty(this, "selectedFrame", 0);
    private FrameChart chart;
    private ValueMarker marker;

    public ChartPane() {
        getStyleClass().add("chart-pane");
        getChildren().add(viewer);
        viewer.addChartMouseListener(new ChartMouseListenerFX() {
            @Override
            public void chartMouseClicked(ChartMouseEventFX event) {
                int frame = frameOf(event.getEntity());
                if (frame > 0) {
                    selectedFrame.set(frame);
                }
            }

            @Override
            public void chartMouseMoved(ChartMouseEventFX event) {
            }
        });
        selectedFrame.addListener((o, was, now) -> mark(now.intValue()));
    }

    public ChartPane(FrameChart chart) {
        this();
        setChart(chart);
    }

    public void setChart(FrameChart value) {
        chart = value;
        marker = null;
        viewer.setChart(value.chart());
        viewer.setVisible(true);
        mark(selectedFrame.get());
    }

    /** No chart: what the previous capture showed must not stay on screen for the next one. */
    public void clear() {
        chart = null;
        marker = null;
        viewer.setVisible(false);   // JFreeChart's viewer always holds a chart: hide the old one
    }

    public FrameChart getChart() {
        return chart;
    }

    /** The selected frame's number, 0 for none. */
    public IntegerProperty selectedFrameProperty() {
        return selectedFrame;
    }

    /** The JFreeChart viewer inside (for tests that click its canvas). */
    public ChartViewer viewer() {
        return viewer;
    }

    /** The frame of a clicked chart entity, 0 when it is no point of ours. */
    int frameOf(ChartEntity entity) {
        if (chart == null || !(entity instanceof XYItemEntity item)) {
            return 0;
        }
        return chart.points().frameAt(item.getDataset(), item.getSeriesIndex(), item.getItem());
    }

    private void mark(int frame) {
        if (chart == null) {
            return;
        }
        for (XYPlot plot : plots(chart.chart().getPlot())) {
            if (marker != null) {
                plot.removeDomainMarker(marker, Layer.BACKGROUND);
            }
        }
        OptionalDouble time = chart.points().timeOf(frame);
        marker = null;
        if (time.isPresent()) {
            marker = new ValueMarker(time.getAsDouble(), MARKER, new BasicStroke(3f));
            for (XYPlot plot : plots(chart.chart().getPlot())) {
                plot.addDomainMarker(marker, Layer.BACKGROUND);   // behind the points, not hiding them
            }
        }
    }

    private static List<XYPlot> plots(Plot plot) {
        if (plot instanceof CombinedDomainXYPlot combined) {
            return combined.getSubplots();
        }
        return plot instanceof XYPlot xy ? List.of(xy) : List.of();
    }
}

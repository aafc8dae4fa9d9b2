package org.wirelab.charts;

import org.jfree.chart.JFreeChart;

/** A chart with the frame behind each of its points. */
public record FrameChart(JFreeChart chart, FramePoints points) {
}

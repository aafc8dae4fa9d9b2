package org.wirelab.charts;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.jfree.data.xy.XYDataset;

/**
 * Which frame each point of a chart stands for (by dataset, series and item, as JFreeChart's entities
 * name a point), and the x value (time) of each frame shown: what a click and a selection need.
 */
public final class FramePoints {
    private final Map<XYDataset, Map<Integer, int[]>> frames = new IdentityHashMap<>();
    private final Map<Integer, Double> times = new HashMap<>();

    /** Records that item {@code k} of {@code series} in {@code dataset} is frame {@code frameNumbers[k]} at {@code xs[k]}. */
    void add(XYDataset dataset, int series, int[] frameNumbers, double[] xs) {
        frames.computeIfAbsent(dataset, d -> new HashMap<>()).put(series, frameNumbers.clone());
        for (int k = 0; k < frameNumbers.length; k++) {
            if (frameNumbers[k] > 0) {
                times.putIfAbsent(frameNumbers[k], xs[k]);
            }
        }
    }

    void add(XYDataset dataset, int series, List<Integer> frameNumbers, List<Double> xs) {
        add(dataset, series, frameNumbers.stream().mapToInt(Integer::intValue).toArray(),
                xs.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** The frame of a point, 0 when the point stands for none. */
    public int frameAt(XYDataset dataset, int series, int item) {
        Map<Integer, int[]> bySeries = frames.get(dataset);
        int[] numbers = bySeries == null ? null : bySeries.get(series);
        return numbers == null || item < 0 || item >= numbers.length ? 0 : numbers[item];
    }

    /** The x value (time) where frame {@code frameNumber} is drawn, when the chart shows it. */
    public OptionalDouble timeOf(int frameNumber) {
        Double time = times.get(frameNumber);
        return time == null ? OptionalDouble.empty() : OptionalDouble.of(time);
    }
}

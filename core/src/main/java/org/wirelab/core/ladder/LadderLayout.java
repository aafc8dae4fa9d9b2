package org.wirelab.core.ladder;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Where a ladder's lanes and arrows go, in abstract units (characters for text, pixels for a canvas):
 * lanes are spaced so that neighbouring lane titles never overlap, arrows take one row each in frame
 * order. Renderers turn the geometry into characters or shapes; none of them re-computes it.
 */
public final class LadderLayout {

    /** An arrow's row (0 for the first arrow) and its horizontal extent from sender to receiver. */
    public record ArrowGeometry(int row, int fromX, int toX, boolean drawable) {
        public boolean pointsRight() {
            return toX > fromX;
        }
    }

    /** Lane centres, the diagram's total width, and one geometry per arrow of the model. */
    public record Geometry(int[] laneCenters, int width, List<ArrowGeometry> arrows) {
        public Geometry {
            laneCenters = laneCenters.clone();
            arrows = List.copyOf(arrows);
        }

        @Override
        public int[] laneCenters() {
            return laneCenters.clone();
        }

        public int laneCenter(int lane) {
            return laneCenters[lane];
        }
    }

    private LadderLayout() {
    }

    /**
     * Lays out {@code model}: each lane's title (see {@link #title(Lane)}) measured by {@code textWidth}
     * is centred on its lane; neighbouring centres are at least {@code minimumGap} apart and their titles
     * at least {@code padding} apart.
     */
    public static Geometry compute(LadderModel model, ToIntFunction<String> textWidth, int minimumGap, int padding) {
        Lanes lanes = lanes(model.lanes(), textWidth, minimumGap, padding);
        int[] centers = lanes.centers;
        List<ArrowGeometry> arrows = new ArrayList<>(model.arrows().size());
        int row = 0;
        for (Arrow arrow : model.arrows()) {
            boolean drawable = arrow.isDrawable();
            arrows.add(new ArrowGeometry(row++, drawable ? centers[arrow.fromLane()] : -1,
                    drawable ? centers[arrow.toLane()] : -1, drawable));
        }
        return new Geometry(centers, lanes.width(), arrows);
    }

    /** Lane centres and the total width, without per-arrow geometry (which a drawing derives from the centres). */
    public record Lanes(int[] centers, int width) {
        public Lanes {
            centers = centers.clone();
        }

        @Override
        public int[] centers() {
            return centers.clone();
        }

        public int center(int lane) {
            return centers[lane];
        }

        public int count() {
            return centers.length;
        }
    }

    /**
     * Lays out {@code lanes} alone: each lane's title (see {@link #title(Lane)}) measured by {@code textWidth}
     * is centred on its lane; neighbouring centres are at least {@code minimumGap} apart and their titles
     * at least {@code padding} apart.
     */
    public static Lanes lanes(List<Lane> lanes, ToIntFunction<String> textWidth, int minimumGap, int padding) {
        return lanes(titleWidths(lanes, textWidth), minimumGap, padding);
    }

    /** The width of each lane's title (see {@link #title(Lane)}) measured by {@code textWidth}, in lane order. */
    public static int[] titleWidths(List<Lane> lanes, ToIntFunction<String> textWidth) {
        int[] widths = new int[lanes.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = textWidth.applyAsInt(title(lanes.get(i)));
        }
        return widths;
    }

    /**
     * Lays out lanes whose titles are {@code titleWidths} wide (from {@link #titleWidths}), as
     * {@link #lanes(List, ToIntFunction, int, int)} does: a drawing that lays its lanes out at several
     * spacings measures the titles once.
     */
    public static Lanes lanes(int[] titleWidths, int minimumGap, int padding) {
        int[] centers = new int[titleWidths.length];
        int width = 0;
        int previous = 0;
        for (int i = 0; i < titleWidths.length; i++) {
            int w = titleWidths[i];
            if (i == 0) {
                centers[i] = Math.max(w / 2, 1);
            } else {
                int gap = Math.max(minimumGap, (previous - previous / 2) + w / 2 + padding);
                centers[i] = centers[i - 1] + gap;
            }
            width = Math.max(width, centers[i] + (w - w / 2) + 1);
            previous = w;
        }
        return new Lanes(centers, width);
    }

    /** A lane's short tag: A, B, ... Z, then AA, AB, ... as spreadsheet columns. */
    public static String tag(int lane) {
        StringBuilder tag = new StringBuilder();
        for (int n = lane + 1; n > 0; n = (n - 1) / 26) {
            tag.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return tag.toString();
    }

    /** The title drawn above a lane: its tag and name, e.g. "A: 10.1.1.2:44644". */
    public static String title(Lane lane) {
        return tag(lane.index()) + ": " + lane.name();
    }
}

package org.wirelab.core.ladder.draw;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.wirelab.core.protocol.tcp.Tcp;
import org.wirelab.core.ladder.Arrow;
import org.wirelab.core.ladder.Ladder;
import org.wirelab.core.ladder.LadderLayout;
import org.wirelab.core.ladder.Lane;
import org.wirelab.core.ladder.LaneNote;
import org.wirelab.core.ladder.LaneStates;
import org.wirelab.core.ladder.TcpInfoText;
import org.wirelab.core.ladder.TcpSegment;
import org.wirelab.core.ladder.draw.Surface.Anchor;

/**
 * Draws a ladder on any {@link Surface}: the one drawing logic behind the JavaFX canvas, the PNG and
 * the SVG export. One row per arrow, in frame order; one vertical lane per socket or host, titled at the
 * top; each arrow labelled with its TCP flags (first line) and Seq/Ack/Len/Win (second line), coloured by
 * {@link ArrowKind}, with the TCP state each lane enters written on the lane; the frame number and time
 * in a column on the left; a legend under the titles. The titles and the time column stay in place
 * while the rows scroll under them.
 *
 * <p>Only what a {@link LadderView} shows is drawn: the rows and lanes are found by arithmetic and
 * binary search, and only the visible arrows are asked of the ladder, so a drawing costs the same for
 * ten frames and for a million.
 */
public final class LadderPainter {
    /** Width of the frame number and time column on the left. */
    public static final double TIME_COLUMN = 132;
    /** Height of the lane titles and legend band at the top. */
    public static final double HEADER = 96;
    /** Baselines of the legend's first line, and of its second when a narrow view wraps it. */
    private static final double LEGEND_BASELINE = 72;
    private static final double LEGEND_SECOND_BASELINE = 90;
    private static final double ROW = 56;
    private static final double SIDE_MARGIN = 60;
    private static final double MINIMUM_LANE_GAP = 300;
    private static final double LABEL_PADDING = 40;
    private static final double COMPACT_PADDING = 24;
    /** Baseline of each lane's role under its title, beside which a scrolled view writes the lane's state. */
    private static final double ROLE_BASELINE = 43;
    private static final double COMPACT_MARGIN = 12;
    private static final int MEASURED_ARROWS = 5_000;
    private static final double HEAD_LENGTH = 11;
    private static final double HEAD_HALF_WIDTH = 5;
    /** How far above the row of the frame that shows it a crossing FIN's head ends. */
    private static final double ARRIVAL_ABOVE = 8;
    /** Where along its way a lost frame's arrow stops, and the size of the cross that ends it. */
    private static final double LOST_AT = 0.6;
    private static final double CROSS_HALF = 7;
    private static final Rgb LOST = Rgb.of(0xc62828);
    /** Where an arrow's line is in its row, as a fraction of the row from its top (its labels go above). */
    private static final double ARROW_IN_ROW = 0.72;
    /** Arrows closer than this on screen are not all drawn: one per this many pixels. */
    private static final double MINIMUM_DRAWN_GAP = 3;
    /** About this many pixels between two lines of a timed view's time grid. */
    private static final double GRID_SPACING = 90;

    private static final Rgb BACKGROUND = Rgb.of(0xffffff);
    private static final Rgb BAND = Rgb.of(0xf1f3f4);
    private static final Rgb RULE = Rgb.of(0xbdc1c6);
    private static final Rgb LANE = Rgb.of(0x9aa0a6);
    private static final Rgb TEXT = Rgb.of(0x202124);
    private static final Rgb NUMBERS = Rgb.of(0x3c4043);
    private static final Rgb SELECTION = Rgb.of(0xfff0b3);
    private static final Rgb STATE_FILL = Rgb.of(0xe6f4ea);
    private static final Rgb STATE_LINE = Rgb.of(0x2e7d32);
    private static final Rgb STATE_TEXT = Rgb.of(0x1b5e20);
    private static final Rgb GRID = Rgb.of(0xc5cae9);
    private static final Rgb GRID_TEXT = Rgb.of(0x5c6bc0);

    private final Ladder ladder;
    private final LadderTexts texts;
    private final List<Lane> lanes;
    /** Lane centres at their natural spacing (room for raw numbers), and squeezed to the narrowest readable. */
    private final double[] laneX;
    private final double[] compactLaneX;
    private final double contentWidth;
    private final double compactWidth;
    private LaneStates laneStates;
    private double fittedFor = -1;
    private double[] fittedLaneX;
    private double fittedWidth;
    private final double legendWidth;
    private double[] timedPositions;
    private double timedZoom;
    private double timedPixelsPerSecond;

    /** Lays out {@code ladder}'s lanes with the text widths of {@code measure} (the surface it will be drawn on). */
    public LadderPainter(Ladder ladder, LadderTexts texts, Surface measure) {
        this.ladder = ladder;
        this.texts = texts;
        this.lanes = ladder.lanes();
        // Both spacings below use the same title widths: measuring tens of thousands of titles is most
        // of what laying out a large capture's ladder costs.
        int[] titleWidths = LadderLayout.titleWidths(lanes,
                title -> (int) Math.ceil(measure.textWidth(title, TextStyle.TITLE)));
        WidestLabels widest = widestLabels(measure);
        // Raw numbers are the longer ones: the lanes do not move when the view switches to them.
        int gap = (int) Math.ceil(Math.max(MINIMUM_LANE_GAP, widest.raw() + LABEL_PADDING));
        LadderLayout.Lanes layout = LadderLayout.lanes(titleWidths, gap, (int) LABEL_PADDING);
        laneX = new double[layout.count()];
        for (int i = 0; i < laneX.length; i++) {
            laneX[i] = SIDE_MARGIN + layout.center(i);
        }
        contentWidth = layout.width() + 2 * SIDE_MARGIN;
        // The narrowest the lanes may get in a narrow window: room for the relative numbers' labels
        // and for the titles side by side, with smaller margins.
        int compactGap = (int) Math.ceil(widest.relative() + COMPACT_PADDING);
        LadderLayout.Lanes compact = LadderLayout.lanes(titleWidths, compactGap, (int) COMPACT_PADDING);
        compactLaneX = new double[compact.count()];
        for (int i = 0; i < compactLaneX.length; i++) {
            compactLaneX[i] = COMPACT_MARGIN + compact.center(i);
        }
        compactWidth = Math.min(contentWidth, compact.width() + 2 * COMPACT_MARGIN);
        legendWidth = paintLegend(measure, Double.MAX_VALUE, false);
    }

    /**
     * The widest arrow label among the first arrows (enough for the lane gap; a million are not measured),
     * with the raw numbers and with the relative ones. One pass makes each arrow once for both.
     */
    private WidestLabels widestLabels(Surface measure) {
        double widestRaw = 0;
        double widestRelative = 0;
        for (int i = 0; i < Math.min(ladder.size(), MEASURED_ARROWS); i++) {
            Arrow arrow = ladder.arrow(i);
            if (arrow.fromLane() == arrow.toLane() || Math.abs(arrow.fromLane() - arrow.toLane()) > 1) {
                continue;   // self arrows and arrows over several lanes have room enough
            }
            String[] raw = labelLines(arrow, true, false, texts);
            double flags = measure.textWidth(raw[0], TextStyle.FLAGS);
            widestRaw = Math.max(widestRaw, flags);
            widestRelative = Math.max(widestRelative, flags);
            if (raw[1] != null) {
                widestRaw = Math.max(widestRaw, measure.textWidth(raw[1], TextStyle.NUMBERS));
                widestRelative = Math.max(widestRelative,
                        measure.textWidth(arrow.tcp().numbers(false), TextStyle.NUMBERS));
            }
        }
        return new WidestLabels(widestRaw, widestRelative);
    }

    /** The widest arrow label's width with raw numbers (the longer ones) and with relative numbers. */
    private record WidestLabels(double raw, double relative) {
    }

    public Ladder ladder() {
        return ladder;
    }

    /** Width of the whole diagram with its time column, in pixels. */
    public double width() {
        return Math.max(TIME_COLUMN + contentWidth, legendWidth + 12);
    }

    /** Height of the whole diagram with its header, as {@code view} spaces the arrows. */
    public double height(LadderView view) {
        return HEADER + contentHeight(view);
    }

    /** Width of the lanes' area at their natural spacing (an export of the whole ladder). */
    public double contentWidth() {
        return contentWidth;
    }

    /**
     * Width of the lanes' area in a view {@code viewWidth} wide (time column included), what
     * {@link LadderView#scrollX()} scrolls over: the lanes are brought closer to fit a narrow view, down to
     * the narrowest spacing that keeps the relative numbers' labels and the titles readable.
     */
    public double contentWidth(double viewWidth) {
        fit(viewWidth);
        return fittedWidth;
    }

    /** Lane {@code lane}'s x on the surface for {@code view}. */
    public double laneX(int lane, LadderView view) {
        return screenX(lanes(view)[lane], view);
    }

    /** The lanes' content x for {@code view}'s width. */
    private double[] lanes(LadderView view) {
        fit(view.width());
        return fittedLaneX;
    }

    private void fit(double viewWidth) {
        if (viewWidth == fittedFor) {
            return;
        }
        double available = viewWidth - TIME_COLUMN;
        // 0 = compact, 1 = natural; in between the lanes spread over exactly the room there is.
        double spread = viewWidth <= 0 || available >= contentWidth ? 1
                : contentWidth <= compactWidth ? 1
                : Math.max(0, Math.min(1, (available - compactWidth) / (contentWidth - compactWidth)));
        fittedLaneX = new double[laneX.length];
        for (int i = 0; i < laneX.length; i++) {
            fittedLaneX[i] = compactLaneX[i] + spread * (laneX[i] - compactLaneX[i]);
        }
        fittedWidth = compactWidth + spread * (contentWidth - compactWidth);
        fittedFor = viewWidth;
    }

    /** Height of the rows' area as {@code view} spaces the arrows, what {@link LadderView#scrollY()} scrolls over. */
    public double contentHeight(LadderView view) {
        int n = ladder.size();
        return (n == 0 ? 0 : arrowContentY(n - 1, view)) + ROW * 0.6;
    }

    /** The height of a row at {@code zoom} (one row per arrow). */
    public static double rowHeight(double zoom) {
        return ROW * zoom;
    }

    /** The view scrolled vertically so that arrow {@code index} is in the middle of it (or as near as the ends allow). */
    public LadderView centredOn(int index, LadderView view) {
        double rows = view.height() - HEADER;
        double y = arrowContentY(index, view) - rows / 2;
        double max = Math.max(0, contentHeight(view) - rows);
        return view.scrolledTo(view.scrollX(), Math.max(0, Math.min(max, y)));
    }

    /** The first arrow whose line is at or below content y {@code contentY}, to keep it in view across a zoom. */
    public int arrowAt(double contentY, LadderView view) {
        return firstAtOrBelow(contentY, view);
    }

    /**
     * The content y of arrow {@code index}'s line (what {@link LadderView#scrollY()} counts in); 0 for a
     * ladder without arrows (a canvas switched to time scale before its first capture).
     */
    public double contentY(int index, LadderView view) {
        return ladder.size() == 0 ? 0 : arrowContentY(Math.max(0, Math.min(index, ladder.size() - 1)), view);
    }

    /** The index of the arrow of frame {@code frameNumber}, or -1 when this ladder does not show it. */
    public int indexOfFrame(int frameNumber) {
        int low = 0;
        int high = ladder.size() - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int number = ladder.frameNumber(middle);
            if (number < frameNumber) {
                low = middle + 1;
            } else if (number > frameNumber) {
                high = middle - 1;
            } else {
                return middle;
            }
        }
        return -1;
    }

    /** How many arrows the view shows: those of frames up to {@link LadderView#revealed()}. */
    private int shownArrows(LadderView view) {
        int low = 0;
        int high = ladder.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (ladder.frameNumber(middle) <= view.revealed()) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    // ---- Where arrows go vertically: one row each, or at their time. Content y counts from the first row's top.

    /** The content y of arrow {@code index}'s line. */
    private double arrowContentY(int index, LadderView view) {
        return view.timeScale() ? timedPositions(view.zoom())[index] : (index + ARROW_IN_ROW) * rowHeight(view.zoom());
    }

    /** The first arrow whose line is at or below content y {@code y} (the ladder's size when none is). */
    private int firstAtOrBelow(double y, LadderView view) {
        if (!view.timeScale()) {
            double row = Math.ceil(y / rowHeight(view.zoom()) - ARROW_IN_ROW);
            return (int) Math.max(0, Math.min(ladder.size(), row));
        }
        double[] positions = timedPositions(view.zoom());
        int found = Arrays.binarySearch(positions, y);
        if (found < 0) {
            return -found - 1;
        }
        while (found > 0 && positions[found - 1] == y) {
            found--;
        }
        return found;
    }

    /**
     * Arrow positions with time to scale: an arrow is never closer than a row to the one before (frames of
     * the same microsecond keep their labels), and a longer pause adds its time to scale (at zoom 1, the
     * capture's duration spread over as many pixels as its rows), so that a retransmission timeout or a
     * slow reader shows as the wait it was. Computed once per zoom (8 bytes per arrow).
     */
    private double[] timedPositions(double zoom) {
        if (timedPositions == null || timedZoom != zoom) {
            int n = ladder.size();
            double[] positions = new double[n];
            long first = n == 0 ? 0 : ladder.relativeTimeNanos(0);
            long last = first;
            for (int i = 0; i < n; i++) {
                last = Math.max(last, ladder.relativeTimeNanos(i));
            }
            double seconds = Math.max(1e-9, (last - first) / 1e9);
            double pixelsPerSecond = zoom * ROW * Math.max(1, n) / seconds;
            double previous = Double.NEGATIVE_INFINITY;
            long latest = first;
            for (int i = 0; i < n; i++) {
                latest = Math.max(latest, ladder.relativeTimeNanos(i));   // a frame out of order keeps its place
                double y = ROW * ARROW_IN_ROW + (latest - first) / 1e9 * pixelsPerSecond;
                positions[i] = Math.max(y, previous + rowHeight(zoom));
                previous = positions[i];
            }
            timedPositions = positions;
            timedZoom = zoom;
            timedPixelsPerSecond = pixelsPerSecond;
        }
        return timedPositions;
    }

    /** The screen y of arrow {@code index}'s line. */
    private double arrowY(int index, LadderView view) {
        return HEADER + arrowContentY(index, view) - view.scrollY();
    }

    /** The visible arrows, at most one per {@link #MINIMUM_DRAWN_GAP} pixels (a zoomed-out view of a million frames). */
    private int[] visibleArrows(LadderView view, int shown) {
        double top = view.scrollY() - ROW;
        double bottom = view.scrollY() + view.height() - HEADER + ROW;
        int[] indices = new int[64];
        int count = 0;
        int i = firstAtOrBelow(top, view);
        while (i < shown && arrowContentY(i, view) <= bottom) {
            if (count == indices.length) {
                indices = Arrays.copyOf(indices, 2 * count);
            }
            indices[count++] = i;
            int next = firstAtOrBelow(arrowContentY(i, view) + MINIMUM_DRAWN_GAP, view);
            i = Math.max(i + 1, next);
        }
        return Arrays.copyOf(indices, count);
    }

    /**
     * The frame whose arrow or label is at ({@code x}, {@code y}) on the surface, or 0: a click on an
     * arrow's line or in the row above it where its label is, between its lanes (with a little slack),
     * selects it.
     */
    public int frameAt(double x, double y, LadderView view) {
        if (y < HEADER || x < TIME_COLUMN) {
            return 0;
        }
        double contentY = y - HEADER + view.scrollY();
        // The arrow whose line is the first below the click, unless the click is just under a line.
        int index = firstAtOrBelow(contentY - 8, view);
        if (index >= shownArrows(view)) {
            return 0;
        }
        double gapAbove = index == 0 ? ROW : arrowContentY(index, view) - arrowContentY(index - 1, view);
        // Its label's room: up to the arrow above, at most a row (a click in a long pause selects nothing).
        if (arrowContentY(index, view) - contentY > Math.max(Math.min(gapAbove, rowHeight(view.zoom())), 18)) {
            return 0;
        }
        int from = ladder.fromLane(index);
        int to = ladder.toLane(index);
        if (from < 0 || to < 0) {
            return 0;
        }
        double[] lanesX = lanes(view);
        double left = screenX(Math.min(lanesX[from], lanesX[to]), view) - 12;
        double right = screenX(Math.max(lanesX[from], lanesX[to]), view) + (from == to ? 60 : 12);
        return x >= left && x <= right ? ladder.frameNumber(index) : 0;
    }

    /**
     * Where arrow {@code index}'s middle is on the surface for {@code view} ({x, y}), e.g. to point at it;
     * null when it has no lanes.
     */
    public double[] arrowMiddle(int index, LadderView view) {
        int from = ladder.fromLane(index);
        int to = ladder.toLane(index);
        if (from < 0 || to < 0) {
            return null;
        }
        double x = (laneX(from, view) + laneX(to, view)) / 2 + (from == to ? 20 : 0);
        return new double[] {x, arrowY(index, view)};
    }

    /** Paints what {@code view} shows. */
    public void paint(Surface s, LadderView view) {
        int shown = shownArrows(view);
        int[] arrows = visibleArrows(view, shown);
        s.fillRect(0, 0, view.width(), view.height(), BACKGROUND);
        int[] visibleLanes = visibleLanes(view);
        double lanesBottom = shown == 0 ? HEADER
                : Math.min(view.height(), arrowY(shown - 1, view) + ROW * 0.6);
        for (int k = 0; k < arrows.length; k++) {
            int i = arrows[k];
            if (ladder.frameNumber(i) == view.selectedFrame()) {
                double y = arrowY(i, view);
                double above = Math.min(gapAbove(arrows, k, view), ROW) * ARROW_IN_ROW;
                double below = Math.min(gapBelow(arrows, k, view), ROW) * (1 - ARROW_IN_ROW);
                s.fillRect(TIME_COLUMN, y - above, view.width() - TIME_COLUMN, above + below, SELECTION);
            }
        }
        if (view.timeScale()) {
            paintTimeGrid(s, view, arrows);
        }
        for (int lane = visibleLanes[0]; lane < visibleLanes[1]; lane++) {
            double x = laneX(lane, view);
            s.line(x, HEADER, x, Math.max(HEADER, lanesBottom), LANE, 2, false);
        }
        for (int k = 0; k < arrows.length; k++) {
            paintArrow(s, view, arrows[k], gapAbove(arrows, k, view), gapBelow(arrows, k, view));
        }
        paintTimeColumn(s, view, arrows);
        paintHeader(s, view, visibleLanes);
    }

    /**
     * Beside each lane's role in the header, the TCP state the lane is in as of the first row shown: scrolled
     * into the middle of a long connection, where it changed is far above ("ESTABLISHED"). Nothing at the
     * top of the ladder, where every change is in view. The tag goes right of the role, or left of it when
     * the view ends first (the last lane on a projector's narrow screen), so that it is never cut.
     */
    private void paintCurrentStates(Surface s, LadderView view, int[] visibleLanes) {
        int first = Math.min(shownArrows(view), firstAtOrBelow(view.scrollY(), view));
        if (first == 0) {
            return;
        }
        if (laneStates == null) {
            laneStates = ladder.laneStates();
        }
        for (int lane = visibleLanes[0]; lane < visibleLanes[1]; lane++) {
            String state = laneStates.before(lane, first);
            if (!state.isEmpty()) {
                double role = s.textWidth(roleText(lanes.get(lane)), TextStyle.SUBTITLE);
                double box = s.textWidth(state, TextStyle.NOTE) + 10;
                double beside = role / 2 + 8 + box / 2;
                double x = laneX(lane, view);
                boolean roomOnTheRight = x + beside + box / 2 <= view.width();
                paintState(s, state, roomOnTheRight ? x + beside : x - beside, ROLE_BASELINE - 16);
            }
        }
    }

    private String roleText(Lane lane) {
        return "(" + texts.role(lane.role()) + ")";
    }

    /** Pixels between drawn arrow {@code k}'s line and the line drawn above it (a row when it is the first). */
    private double gapAbove(int[] arrows, int k, LadderView view) {
        int i = arrows[k];
        int before = k > 0 ? arrows[k - 1] : i - 1;
        return before < 0 ? ROW : arrowContentY(i, view) - arrowContentY(before, view);
    }

    private double gapBelow(int[] arrows, int k, LadderView view) {
        int i = arrows[k];
        int after = k + 1 < arrows.length ? arrows[k + 1] : i + 1;
        return after >= ladder.size() ? ROW : arrowContentY(after, view) - arrowContentY(i, view);
    }

    /** Faint lines across the lanes at round times, labelled at the left: the time axis of a timed view. */
    private void paintTimeGrid(Surface s, LadderView view, int[] arrows) {
        if (arrows.length == 0) {
            return;
        }
        double pixelsPerSecond = timedPixelsPerSecond;
        double step = roundStep(GRID_SPACING / pixelsPerSecond);
        long firstNanos = ladder.relativeTimeNanos(0);
        double from = (ladder.relativeTimeNanos(arrows[0]) - firstNanos) / 1e9;
        // Up to the arrow after the last one drawn: the pause below it may fill the rest of the view.
        int after = Math.min(ladder.size() - 1, arrows[arrows.length - 1] + 1);
        double to = (ladder.relativeTimeNanos(after) - firstNanos) / 1e9;
        double lastY = Double.NEGATIVE_INFINITY;
        long steps = Math.min(1000, (long) Math.floor((to - from) / step) + 1);
        for (long k = 0; k <= steps; k++) {
            double t = (Math.ceil(from / step) + k) * step;
            if (t > to) {
                break;
            }
            double y = HEADER + timeContentY(t, view) - view.scrollY();
            if (y < HEADER || y > view.height() || y - lastY < GRID_SPACING / 2) {
                continue;
            }
            lastY = y;
            s.line(TIME_COLUMN, y, view.width(), y, GRID, 1, true);
            s.text(seconds(Math.round(t * 1e9)) + " s", TIME_COLUMN + 6, y - 3, TextStyle.SMALL, GRID_TEXT,
                    Anchor.START);
        }
    }

    /** The content y of time {@code t} (seconds since the first arrow) in a timed view. */
    private double timeContentY(double t, LadderView view) {
        double[] positions = timedPositions(view.zoom());
        long target = ladder.relativeTimeNanos(0) + Math.round(t * 1e9);
        int low = 0;
        int high = ladder.size() - 1;
        while (low < high) {   // the last arrow at or before t
            int middle = (low + high + 1) >>> 1;
            if (ladder.relativeTimeNanos(middle) <= target) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        long start = ladder.relativeTimeNanos(low);
        if (low + 1 >= positions.length || ladder.relativeTimeNanos(low + 1) <= start) {
            return positions[low] + (target - start) / 1e9 * timedPixelsPerSecond;
        }
        // Between two arrows, time is spread evenly over the room between them.
        double fraction = (double) (target - start) / (ladder.relativeTimeNanos(low + 1) - start);
        return positions[low] + fraction * (positions[low + 1] - positions[low]);
    }

    /** The smallest 1, 2 or 5 times a power of ten not below {@code seconds}. */
    static double roundStep(double seconds) {
        double power = Math.pow(10, Math.floor(Math.log10(Math.max(seconds, 1e-9))));
        for (double step : new double[] {1, 2, 5, 10}) {
            if (step * power >= seconds) {
                return step * power;
            }
        }
        return 10 * power;
    }

    private static double screenX(double contentX, LadderView view) {
        return TIME_COLUMN + contentX - view.scrollX();
    }

    /** Lanes [from, to) whose line is on screen, or close enough that a title may show. */
    private int[] visibleLanes(LadderView view) {
        double left = view.scrollX() - MINIMUM_LANE_GAP;
        double right = view.scrollX() + view.width() + MINIMUM_LANE_GAP;
        double[] x = lanes(view);
        int from = Arrays.binarySearch(x, left);
        int to = Arrays.binarySearch(x, right);
        from = from < 0 ? -from - 1 : from;
        to = to < 0 ? -to - 1 : to + 1;
        return new int[] {from, Math.min(to, x.length)};
    }

    private void paintArrow(Surface s, LadderView view, int index, double gapAbove, double gapBelow) {
        int from = ladder.fromLane(index);
        int to = ladder.toLane(index);
        if (from < 0 || to < 0) {
            return;
        }
        double x1 = laneX(from, view);
        double x2 = laneX(to, view);
        double right = view.width();
        if (Math.max(x1, x2) + 80 < TIME_COLUMN || Math.min(x1, x2) > right) {
            return;   // wholly off to one side
        }
        Arrow arrow = ladder.arrow(index);
        ArrowKind kind = ArrowKind.of(arrow);
        boolean selected = arrow.frameNumber() == view.selectedFrame();
        double width = selected ? 3.5 : 2;
        double y = arrowY(index, view);
        s.beginGroup("arrow", arrow.frameNumber());
        if (from == to) {
            double loop = 40;
            s.line(x1, y - 12, x1 + loop, y - 12, kind.colour(), width, false);
            s.line(x1 + loop, y - 12, x1 + loop, y, kind.colour(), width, false);
            s.line(x1 + loop, y, x1 + HEAD_LENGTH, y, kind.colour(), width, false);
            head(s, x1 + loop, x1, y, kind.colour());
        } else if (arrow.isLost()) {
            // As textbooks draw a loss: the arrow stops part-way, where the network dropped it, with a cross.
            double end = x1 + (x2 - x1) * LOST_AT;
            s.line(x1, y, end, y, kind.colour(), width, kind == ArrowKind.RETRANSMISSION);
            cross(s, end, y, LOST);
        } else {
            // A FIN that crossed the peer's slants down to just above the row where its receiver took it.
            int arrival = ladder.arrivalIndex(index);
            double y2 = arrival > index && arrival < shownArrows(view)
                    ? arrowY(arrival, view) - ARRIVAL_ABOVE * arrivalRank(index, arrival) : y;
            s.line(x1, y, x2, y2, kind.colour(), width, kind == ArrowKind.RETRANSMISSION);
            if (y2 == y) {
                head(s, x1, x2, y, kind.colour());
            } else {
                head(s, x1, y, x2, y2, kind.colour());
            }
        }
        paintLabel(s, view, arrow, kind, x1, x2, y, gapAbove);
        for (LaneNote note : arrow.notes()) {
            if (note.kind() == LaneNote.Kind.STATE && note.lane() >= 0 && gapBelow >= 20) {
                paintState(s, note.reached(), laneX(note.lane(), view), y);
            }
        }
        s.endGroup();
    }

    /** 1 for the last arrow taken at row {@code arrival}, 2 for the one taken before it...: they stack upwards. */
    private int arrivalRank(int index, int arrival) {
        int rank = 1;
        for (int k = index + 1; k < arrival; k++) {
            if (ladder.arrivalIndex(k) == arrival && ladder.toLane(k) == ladder.toLane(index)) {
                rank++;
            }
        }
        return rank;
    }

    private static void cross(Surface s, double x, double y, Rgb colour) {
        s.line(x - CROSS_HALF, y - CROSS_HALF, x + CROSS_HALF, y + CROSS_HALF, colour, 3, false);
        s.line(x - CROSS_HALF, y + CROSS_HALF, x + CROSS_HALF, y - CROSS_HALF, colour, 3, false);
    }

    private static void head(Surface s, double fromX, double toX, double y, Rgb colour) {
        double direction = Math.signum(toX - fromX);
        double baseX = toX - direction * HEAD_LENGTH;
        s.fillPolygon(new double[] {toX, baseX, baseX}, new double[] {y, y - HEAD_HALF_WIDTH, y + HEAD_HALF_WIDTH},
                colour);
    }

    /** The arrow head at ({@code toX}, {@code toY}), pointing along the line from ({@code fromX}, {@code fromY}). */
    private static void head(Surface s, double fromX, double fromY, double toX, double toY, Rgb colour) {
        double length = Math.hypot(toX - fromX, toY - fromY);
        double ux = (toX - fromX) / length;
        double uy = (toY - fromY) / length;
        double baseX = toX - ux * HEAD_LENGTH;
        double baseY = toY - uy * HEAD_LENGTH;
        s.fillPolygon(new double[] {toX, baseX + uy * HEAD_HALF_WIDTH, baseX - uy * HEAD_HALF_WIDTH},
                new double[] {toY, baseY - ux * HEAD_HALF_WIDTH, baseY + ux * HEAD_HALF_WIDTH}, colour);
    }

    private void paintLabel(Surface s, LadderView view, Arrow arrow, ArrowKind kind, double x1, double x2, double y,
            double room) {
        if (room < 28) {
            return;   // no room above the arrow (zoomed out, or frames close in time): the arrow alone
        }
        String[] lines = labelLines(arrow, view.rawNumbers(), arrow.frameNumber() == view.maskedFrame(), texts);
        // Centre on the visible part of the arrow, so a label stays readable when its lanes scroll out.
        double low = Math.max(Math.min(x1, x2), TIME_COLUMN + 10);
        double high = Math.min(Math.max(x1, x2), view.width() - 10);
        double centre = x1 == x2 ? x1 + 48 + s.textWidth(lines[0], TextStyle.FLAGS) / 2 : (low + high) / 2;
        boolean twoLines = lines[1] != null && room >= 44;
        double firstBaseline = y - (twoLines ? 22 : 7);
        Rgb behind = arrow.frameNumber() == view.selectedFrame() ? SELECTION : BACKGROUND;
        backedText(s, lines[0], centre, firstBaseline, TextStyle.FLAGS, kind == ArrowKind.NORMAL ? TEXT : kind.colour(),
                behind);
        if (twoLines) {
            backedText(s, lines[1], centre, y - 6, TextStyle.NUMBERS, NUMBERS, behind);
        }
    }

    /** Text on a box of the row's colour, so that lane lines it crosses do not strike it through. */
    private static void backedText(Surface s, String text, double x, double baseline, TextStyle style, Rgb colour,
            Rgb behind) {
        double w = s.textWidth(text, style);
        s.fillRect(x - w / 2 - 3, baseline - style.size() + 1, w + 6, style.size() + 2, behind);
        s.text(text, x, baseline, style, colour, Anchor.MIDDLE);
    }

    /**
     * The arrow's two lines: "SYN, ACK" plus its expert notes, and "Seq=0 Ack=1 Len=0 Win=65483" (null
     * for a frame that is no TCP segment, whose whole label is the first line). A masked frame shows
     * question marks for what the student must predict.
     */
    static String[] labelLines(Arrow arrow, boolean raw, boolean masked) {
        return labelLines(arrow, raw, masked, LadderTexts.ENGLISH);
    }

    /** As {@link #labelLines(Arrow, boolean, boolean)}, wirelab's own notes in the language of {@code texts}. */
    static String[] labelLines(Arrow arrow, boolean raw, boolean masked, LadderTexts texts) {
        TcpSegment tcp = arrow.tcp();
        if (tcp == null) {
            return new String[] {arrow.label(), null};
        }
        if (masked) {
            return new String[] {"?", "Seq=? Ack=? Len=" + tcp.length()};
        }
        List<String> experts = new ArrayList<>();
        for (LaneNote note : arrow.notes()) {
            if (note.kind() == LaneNote.Kind.EXPERT) {
                experts.add(texts.note(note.text()));
            }
        }
        String first = title(tcp) + (experts.isEmpty() ? "" : "  [" + String.join(", ", experts) + "]");
        return new String[] {first, tcp.numbers(raw)};
    }

    /**
     * What a segment is called on its arrow: its flags ("SYN, ACK", "ACK"), or for a segment carrying data
     * what it carries ("hello serveur\n" in quotes), with only the flags that say more than ACK and PSH.
     */
    static String title(TcpSegment tcp) {
        if (tcp.payloadStart().isEmpty()) {
            return tcp.flagNames();
        }
        int more = tcp.flags() & ~(Tcp.ACK | Tcp.PSH);
        return more == 0 ? tcp.payloadStart() : TcpInfoText.flags(more) + " " + tcp.payloadStart();
    }

    private static void paintState(Surface s, String state, double x, double y) {
        double w = s.textWidth(state, TextStyle.NOTE) + 10;
        double top = y + 4;
        s.fillRect(x - w / 2, top, w, 16, STATE_FILL);
        s.strokeRect(x - w / 2, top, w, 16, STATE_LINE, 1);
        s.text(state, x, top + 12.5, TextStyle.NOTE, STATE_TEXT, Anchor.MIDDLE);
    }

    private void paintTimeColumn(Surface s, LadderView view, int[] arrows) {
        s.fillRect(0, HEADER, TIME_COLUMN, view.height() - HEADER, BAND);
        s.line(TIME_COLUMN, HEADER, TIME_COLUMN, view.height(), RULE, 1, false);
        for (int k = 0; k < arrows.length; k++) {
            if (gapAbove(arrows, k, view) < 14) {
                continue;   // no room for the text
            }
            int i = arrows[k];
            double y = arrowY(i, view);
            s.text(Integer.toString(ladder.frameNumber(i)), 44, y + 4, TextStyle.SMALL, NUMBERS, Anchor.END);
            s.text(seconds(ladder.relativeTimeNanos(i)), 56, y + 4, TextStyle.SMALL, TEXT, Anchor.START);
        }
    }

    private void paintHeader(Surface s, LadderView view, int[] visibleLanes) {
        s.fillRect(0, 0, view.width(), HEADER, BAND);
        s.line(0, HEADER, view.width(), HEADER, RULE, 1, false);
        for (int lane = visibleLanes[0]; lane < visibleLanes[1]; lane++) {
            double x = laneX(lane, view);
            Lane l = lanes.get(lane);
            s.text(LadderLayout.title(l), x, 24, TextStyle.TITLE, TEXT, Anchor.MIDDLE);
            s.text(roleText(l), x, ROLE_BASELINE, TextStyle.SUBTITLE, NUMBERS, Anchor.MIDDLE);
        }
        paintCurrentStates(s, view, visibleLanes);
        // The corner hides titles that scrolled under the time column.
        s.fillRect(0, 0, TIME_COLUMN, HEADER, BAND);
        s.line(TIME_COLUMN, 0, TIME_COLUMN, 56, RULE, 1, false);
        s.text(texts.frame(), 44, 43, TextStyle.SMALL, TEXT, Anchor.END);
        s.text(texts.time(), 56, 43, TextStyle.SMALL, TEXT, Anchor.START);
        paintLegend(s, view.width(), true);
    }

    /**
     * The legend under the lane titles, wrapped to a second line when wider than {@code width}; returns
     * the width of its first line. With {@code draw} false, only measures.
     */
    private double paintLegend(Surface s, double width, boolean draw) {
        double left = 12;
        double x = left;
        double baseline = LEGEND_BASELINE;
        double firstLine = 0;
        List<String> entries = new ArrayList<>();
        for (ArrowKind kind : ArrowKind.values()) {
            entries.add(texts.legend().get(kind));
        }
        entries.add(texts.stateLegend());
        String sample = "ESTABLISHED";
        double box = s.textWidth(sample, TextStyle.NOTE) + 10;
        for (int e = 0; e < entries.size(); e++) {
            String text = entries.get(e);
            boolean state = e == entries.size() - 1;
            double symbol = state ? box + 8 : 32;
            double entry = symbol + s.textWidth(text, TextStyle.SMALL);
            if (x > left && x + entry > width - 8 && baseline == LEGEND_BASELINE) {
                firstLine = x - 22;
                x = left;
                baseline = LEGEND_SECOND_BASELINE;
            }
            if (draw && state) {
                paintState(s, sample, x + box / 2, baseline - 16);
            } else if (draw) {
                ArrowKind kind = ArrowKind.values()[e];
                s.line(x, baseline - 4, x + 26, baseline - 4, kind.colour(), 2, kind == ArrowKind.RETRANSMISSION);
                head(s, x, x + 26, baseline - 4, kind.colour());
            }
            if (draw) {
                s.text(text, x + symbol, baseline, TextStyle.SMALL, TEXT, Anchor.START);
            }
            x += entry + 22;
        }
        return baseline == LEGEND_BASELINE ? x - 22 : firstLine;
    }

    /** Seconds with six decimals, as tshark's frame.time_relative. */
    static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.6f", nanos / 1e9);
    }
}

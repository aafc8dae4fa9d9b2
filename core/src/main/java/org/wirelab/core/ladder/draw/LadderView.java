package org.wirelab.core.ladder.draw;

/**
 * What part of a ladder to draw and how: the scroll position in content pixels ({@code scrollX} from the
 * first lane, {@code scrollY} from the first row), the surface's size, the {@code zoom} (row spacing
 * factor, 1 = comfortable reading; labels disappear below about 0.5), raw rather than relative sequence
 * numbers, the selected frame (0 for none), the last frame playback has revealed (arrows of later frames
 * are not drawn) and the frame whose flags and numbers are hidden while a student predicts them (0 for
 * none), and whether pauses between frames are drawn to scale ({@code timeScale}: each arrow at least a
 * row below the one before, longer pauses as long as their time) rather than one row each.
 */
public record LadderView(double scrollX, double scrollY, double width, double height, double zoom,
        boolean rawNumbers, int selectedFrame, int revealed, int maskedFrame, boolean timeScale) {

    public LadderView {
        if (zoom <= 0 || width < 0 || height < 0) {
            throw new IllegalArgumentException("zoom must be positive and sizes not negative");
        }
    }

    /** The whole diagram from the top left, nothing selected, every arrow shown. */
    public static LadderView of(double width, double height) {
        return new LadderView(0, 0, width, height, 1, false, 0, Integer.MAX_VALUE, 0, false);
    }

    public LadderView scrolledTo(double x, double y) {
        return new LadderView(x, y, width, height, zoom, rawNumbers, selectedFrame, revealed, maskedFrame, timeScale);
    }

    public LadderView sized(double w, double h) {
        return new LadderView(scrollX, scrollY, w, h, zoom, rawNumbers, selectedFrame, revealed, maskedFrame, timeScale);
    }

    public LadderView zoomed(double z) {
        return new LadderView(scrollX, scrollY, width, height, z, rawNumbers, selectedFrame, revealed, maskedFrame, timeScale);
    }

    public LadderView withRawNumbers(boolean raw) {
        return new LadderView(scrollX, scrollY, width, height, zoom, raw, selectedFrame, revealed, maskedFrame, timeScale);
    }

    public LadderView selecting(int frame) {
        return new LadderView(scrollX, scrollY, width, height, zoom, rawNumbers, frame, revealed, maskedFrame, timeScale);
    }

    /** Playback: only the arrows of frames up to {@code lastFrame} are drawn, and {@code masked}'s labels are hidden. */
    public LadderView revealing(int lastFrame, int masked) {
        return new LadderView(scrollX, scrollY, width, height, zoom, rawNumbers, selectedFrame, lastFrame, masked, timeScale);
    }

    /** Arrows at their time (true) or one row each (false). */
    public LadderView timed(boolean scale) {
        return new LadderView(scrollX, scrollY, width, height, zoom, rawNumbers, selectedFrame, revealed, maskedFrame,
                scale);
    }
}

package org.wirelab.app;

import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.VPos;
import javafx.scene.layout.Region;

/**
 * The toolbar's two groups: the playback controls at the left and the filters at the right of one row, or
 * the filters on a row of their own under the controls when both do not fit (zoomed in on a 1024x768
 * projector), where the filter's text takes the whole width instead of going past the window's edge.
 */
final class ToolbarRows extends Region {
    private static final double GAP = 8;
    private final Region controls;
    private final Region filters;

    ToolbarRows(Region controls, Region filters) {
        this.controls = controls;
        this.filters = filters;
        getChildren().setAll(controls, filters);
    }

    /** Whether the filters sit beside the controls at this width (false: on a row of their own). */
    boolean oneRow(double width) {
        Insets in = getInsets();
        return controls.prefWidth(-1) + GAP + filters.prefWidth(-1) <= width - in.getLeft() - in.getRight();
    }

    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    @Override
    protected double computeMinWidth(double height) {
        return 0;   // a window narrower than the controls cuts them; it never widens for them
    }

    @Override
    protected double computePrefWidth(double height) {
        Insets in = getInsets();
        return in.getLeft() + controls.prefWidth(-1) + GAP + filters.prefWidth(-1) + in.getRight();
    }

    @Override
    protected double computePrefHeight(double width) {
        Insets in = getInsets();
        double rows = width < 0 || oneRow(width) ? Math.max(controls.prefHeight(-1), filters.prefHeight(-1))
                : controls.prefHeight(-1) + GAP / 2 + filters.prefHeight(-1);
        return in.getTop() + rows + in.getBottom();
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected void layoutChildren() {
        Insets in = getInsets();
        double left = in.getLeft();
        double top = in.getTop();
        double width = getWidth() - left - in.getRight();
        double controlsWidth = Math.min(controls.prefWidth(-1), width);
        if (oneRow(getWidth())) {
            double row = getHeight() - top - in.getBottom();
            double filtersWidth = filters.prefWidth(-1);
            layoutInArea(controls, left, top, controlsWidth, row, 0, HPos.LEFT, VPos.CENTER);
            layoutInArea(filters, left + width - filtersWidth, top, filtersWidth, row, 0, HPos.LEFT, VPos.CENTER);
        } else {
            double controlsHeight = controls.prefHeight(-1);
            layoutInArea(controls, left, top, controlsWidth, controlsHeight, 0, HPos.LEFT, VPos.CENTER);
            // Indented as the controls' first button is by its own margin.
            layoutInArea(filters, left + GAP, top + controlsHeight + GAP / 2, width - GAP, filters.prefHeight(-1), 0,
                    HPos.LEFT, VPos.CENTER);
        }
    }
}

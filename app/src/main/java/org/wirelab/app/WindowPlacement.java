package org.wirelab.app;

import java.util.List;
import javafx.geometry.Rectangle2D;

/**
 * Where the main window opens: where it was left, if that place is still on a screen, else centred on
 * the primary screen; never larger than the screen it opens on. A teacher who closed wirelab on a
 * projector finds it on the laptop's screen the next time, not off to the side of it, and a 1024x768
 * projector does not get a window larger than itself.
 */
record WindowPlacement(double x, double y, double width, double height) {
    /** The size wirelab opens at the first time, where the screen has room for it. */
    static final double DEFAULT_WIDTH = 1440;
    static final double DEFAULT_HEIGHT = 900;

    /**
     * The placement for the window saved at {@code saved} (NaN coordinates: never saved) on
     * {@code screens}, their visual bounds (without task bars), the primary screen first.
     */
    static WindowPlacement of(WindowPlacement saved, List<Rectangle2D> screens) {
        Rectangle2D primary = screens.get(0);
        if (!Double.isNaN(saved.x()) && !Double.isNaN(saved.y())) {
            for (Rectangle2D screen : screens) {
                if (screen.contains(saved.x() + Math.min(saved.width(), screen.getWidth()) / 2, saved.y() + 16)) {
                    return saved.fittedInto(screen);
                }
            }
        }
        WindowPlacement fitted = new WindowPlacement(primary.getMinX(), primary.getMinY(),
                Double.isNaN(saved.width()) ? DEFAULT_WIDTH : saved.width(),
                Double.isNaN(saved.height()) ? DEFAULT_HEIGHT : saved.height()).fittedInto(primary);
        return new WindowPlacement(primary.getMinX() + (primary.getWidth() - fitted.width()) / 2,
                primary.getMinY() + (primary.getHeight() - fitted.height()) / 2, fitted.width(), fitted.height());
    }

    /** This placement made no larger than {@code screen} and moved inside it. */
    private WindowPlacement fittedInto(Rectangle2D screen) {
        double w = Math.min(width, screen.getWidth());
        double h = Math.min(height, screen.getHeight());
        double left = Math.max(screen.getMinX(), Math.min(x, screen.getMaxX() - w));
        double top = Math.max(screen.getMinY(), Math.min(y, screen.getMaxY() - h));
        return new WindowPlacement(left, top, w, h);
    }
}

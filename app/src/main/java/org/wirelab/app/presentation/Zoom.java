package org.wirelab.app.presentation;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.DoubleBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;

/**
 * How large the window draws everything: the person's zoom (Ctrl +, Ctrl -, Ctrl 0) times presentation
 * mode's enlargement, which makes every text {@link #PRESENTATION} times its designed size (the ladder's
 * flags 18 px, its numbers 17 px, the explanation 24 px): the most that still shows two lanes and their
 * labels beside the explanation on a 1024x768 projector.
 */
public final class Zoom {
    /** Presentation mode's enlargement of every text and arrow. */
    public static final double PRESENTATION = 1.3;
    public static final double STEP = 1.15;
    public static final double MIN = 0.6;
    public static final double MAX = 3;

    private final DoubleProperty factor = new SimpleDoubleProperty(this, "factor", 1);
    private final BooleanProperty presenting = new SimpleBooleanProperty(this, "presenting", false);
    private final DoubleBinding scale = Bindings.createDoubleBinding(
            () -> factor.get() * (presenting.get() ? PRESENTATION : 1), factor, presenting);

    public void zoomIn() {
        factor.set(Math.min(MAX, factor.get() * STEP));
    }

    public void zoomOut() {
        factor.set(Math.max(MIN, factor.get() / STEP));
    }

    public void reset() {
        factor.set(1);
    }

    /** The person's own zoom, 1 as designed. */
    public DoubleProperty factorProperty() {
        return factor;
    }

    /** Presentation mode: the ladder and the explanation side by side, everything larger. */
    public BooleanProperty presentingProperty() {
        return presenting;
    }

    /** What every view multiplies its sizes by. */
    public DoubleBinding scaleProperty() {
        return scale;
    }

    public double scale() {
        return scale.get();
    }
}

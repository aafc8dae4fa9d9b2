package org.wirelab.app.layers;

import javafx.scene.paint.Color;

/**
 * One colour per OSI layer, shared by the tree, the encapsulation bar and the hex pane, so a layer's
 * bytes are found by their colour. Strong colours for text and borders, pale tints for backgrounds;
 * chosen to stay distinct on a washed-out projector and for the common colour blindnesses (blue,
 * green, orange, magenta are the Tableau palette's most separable four).
 */
public final class OsiColours {
    private static final Color[] STRONG = {
        Color.web("#6b6b6b"), Color.web("#1f5fa8"), Color.web("#23802f"), Color.web("#c25e00"),
        Color.web("#7a7a7a"), Color.web("#7a7a7a"), Color.web("#b0155a")};
    private static final Color[] TINT = {
        Color.web("#e8e8e8"), Color.web("#cfe0f5"), Color.web("#cdebd0"), Color.web("#fcdcb8"),
        Color.web("#eeeeee"), Color.web("#eeeeee"), Color.web("#f7cfe0")};

    private OsiColours() {
    }

    public static Color strong(int osiLayer) {
        return STRONG[index(osiLayer)];
    }

    public static Color tint(int osiLayer) {
        return TINT[index(osiLayer)];
    }

    /** "#1f5fa8", for CSS. */
    public static String css(Color colour) {
        return String.format("#%02x%02x%02x", Math.round(colour.getRed() * 255), Math.round(colour.getGreen() * 255),
                Math.round(colour.getBlue() * 255));
    }

    private static int index(int osiLayer) {
        return Math.max(1, Math.min(7, osiLayer)) - 1;
    }
}

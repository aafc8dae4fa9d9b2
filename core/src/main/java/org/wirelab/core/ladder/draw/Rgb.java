package org.wirelab.core.ladder.draw;

/** An opaque colour, 0-255 per channel, independent of any toolkit. */
public record Rgb(int red, int green, int blue) {

    public Rgb {
        if ((red | green | blue) < 0 || red > 255 || green > 255 || blue > 255) {
            throw new IllegalArgumentException("channel outside 0-255: " + red + "," + green + "," + blue);
        }
    }

    /** From 0xRRGGBB. */
    public static Rgb of(int rgb) {
        return new Rgb((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff);
    }

    /** "#1a4f8b", as CSS and SVG write it. */
    public String hex() {
        return String.format("#%02x%02x%02x", red, green, blue);
    }

    public int rgb() {
        return red << 16 | green << 8 | blue;
    }
}

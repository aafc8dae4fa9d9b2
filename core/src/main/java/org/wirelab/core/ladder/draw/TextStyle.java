package org.wirelab.core.ladder.draw;

/** The kinds of text a ladder drawing uses, with their size in pixels; surfaces map them to real fonts. */
public enum TextStyle {
    /** A lane's title: its tag and socket. */
    TITLE(15, true),
    /** Under a title: the lane's role. */
    SUBTITLE(13, false),
    /** An arrow's first line: TCP flags or the frame's label. */
    FLAGS(14, true),
    /** An arrow's second line: Seq, Ack, Len, Win. */
    NUMBERS(13, false),
    /** A TCP state written on a lane, an expert note. */
    NOTE(12, true),
    /** The time column and the legend. */
    SMALL(12, false);

    private final int size;
    private final boolean bold;

    TextStyle(int size, boolean bold) {
        this.size = size;
        this.bold = bold;
    }

    public int size() {
        return size;
    }

    public boolean bold() {
        return bold;
    }
}

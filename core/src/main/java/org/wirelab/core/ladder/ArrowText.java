package org.wirelab.core.ladder;

/**
 * Where a ladder writes an arrow's label and notes for the text diagram ({@link Ladder#writeText}), as
 * ASCII bytes into the diagram's line: "SYN Seq=0 Win=65495 Len=0   A: CLOSED -> SYN-SENT; ! Retransmission".
 * A ladder that knows its frames (a capture's) writes them from its columns without making an
 * {@link Arrow} or a string, which is most of the time of {@code wirelab show} on a large capture.
 *
 * <p>The label comes first, then every state note, then every expert note. A note's lane is one of the
 * writing ladder's lanes; a ladder that shows another's arrows on its own lanes ({@link GroupedLadder},
 * {@link FocusedLadder}) hands its base a view that maps them ({@link #through}).
 */
public final class ArrowText {
    private static final byte[] FIRST_NOTE = {' ', ' ', ' '};
    private static final byte[] NEXT_NOTE = {';', ' '};
    private static final byte[] EXPERT = {'!', ' '};
    private static final byte[] AFTER_TAG = {':', ' '};

    private final AsciiLine line;
    private final ArrowText outer;
    private final int[] laneMap;
    private final byte[][] tags;
    private boolean noteWritten;
    private ArrowText view;

    /** Text written into {@code line}, for a diagram of {@code laneCount} lanes. */
    ArrowText(AsciiLine line, int laneCount) {
        this.line = line;
        this.outer = null;
        this.laneMap = null;
        this.tags = new byte[laneCount][];
    }

    private ArrowText(ArrowText outer, int[] laneMap) {
        this.line = outer.line;
        this.outer = outer;
        this.laneMap = laneMap;
        this.tags = null;
    }

    /** The line written into, for the writers of this package that append bytes themselves. */
    AsciiLine line() {
        return line;
    }

    /** Starts the next arrow's text (the root's: views share it). */
    void start() {
        noteWritten = false;
    }

    /** The same line, for a ladder whose lane {@code k} is this one's lane {@code laneMap[k]}. */
    public ArrowText through(int[] laneMap) {
        if (view == null || view.laneMap != laneMap) {
            view = new ArrowText(this, laneMap);   // made once per line and mapping, not per arrow
        }
        return view;
    }

    /** Appends ASCII text (capture text must be escaped first, see {@link org.wirelab.core.text.CaptureText}). */
    public ArrowText append(String text) {
        line.append(text);
        return this;
    }

    /** Appends {@code number} in decimal. */
    public ArrowText append(long number) {
        line.append(number);
        return this;
    }

    ArrowText append(byte[] text) {
        line.append(text);
        return this;
    }

    /** Starts a state note on {@code lane}: "A: " after the separator; its text follows. */
    public ArrowText stateNote(int lane) {
        ArrowText root = separator();
        root.line.append(root.tag(mapped(lane))).append(AFTER_TAG);
        return this;
    }

    /** Starts an expert note: "! " after the separator; its text follows. */
    public ArrowText expertNote() {
        separator().line.append(EXPERT);
        return this;
    }

    /** Writes {@code arrow}'s label and notes: what a ladder that makes its arrows writes. */
    public void write(Arrow arrow) {
        append(arrow.label());
        for (LaneNote note : arrow.notes()) {
            if (note.kind() == LaneNote.Kind.STATE) {
                stateNote(note.lane()).append(note.text());
            }
        }
        for (LaneNote note : arrow.notes()) {
            if (note.kind() == LaneNote.Kind.EXPERT) {
                expertNote().append(note.text());
            }
        }
    }

    /** The separator before a note: three spaces before the first, "; " before the others. */
    private ArrowText separator() {
        ArrowText root = root();
        root.line.append(root.noteWritten ? NEXT_NOTE : FIRST_NOTE);
        root.noteWritten = true;
        return root;
    }

    private ArrowText root() {
        ArrowText text = this;
        while (text.outer != null) {
            text = text.outer;
        }
        return text;
    }

    /** {@code lane} of the writing ladder as a lane of the diagram. */
    private int mapped(int lane) {
        for (ArrowText text = this; text.outer != null; text = text.outer) {
            lane = lane < 0 ? lane : text.laneMap[lane];
        }
        return lane;
    }

    private byte[] tag(int lane) {
        if (lane < 0 || lane >= tags.length) {
            return LadderLayout.tag(lane).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        }
        if (tags[lane] == null) {
            tags[lane] = LadderLayout.tag(lane).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        }
        return tags[lane];
    }
}

package org.wirelab.core.fields;

import java.util.ArrayList;
import java.util.List;
import org.wirelab.core.analysis.CaptureAnalysis;

/**
 * The fields the capture's columns answer for every frame, formatted exactly as {@code tshark -T fields}
 * prints them, computed from the fast columns (summary, conversations, TCP analysis), never from a full
 * field tree. Which fields these are, and how each is read, each protocol declares in its own place
 * ({@link ColumnField}); {@link FieldTypes} registers them. A field tshark would not print for a frame writes
 * nothing.
 */
public final class FieldCatalog {
    private final DisplayedFrames displayed;
    private final ColumnSource columns;
    private final CaptureAnalysis analysis;

    /**
     * The fields of the analysis' frames: index {@code i} is frame {@code frames().firstIndex() + i + 1}
     * of the capture (a part of a file read a part at a time numbers its frames as the whole file does).
     */
    public FieldCatalog(CaptureAnalysis analysis) {
        this.analysis = analysis;
        displayed = new DisplayedFrames(analysis);
        columns = new ColumnSource(analysis, displayed);
    }

    /**
     * From now on, only the frames said {@link #displayed} are shown (a display filter chooses them):
     * frame.time_delta_displayed counts from the last of them, and is 0 until one has been shown, as in tshark.
     */
    public void displaySelectedOnly() {
        displayed.selectedOnly();
    }

    /** Says that frame {@code i} is shown, when a display filter chooses the frames shown. */
    public void displayed(int i) {
        displayed.displayed(i);
    }

    /** Continues from the part of the file before this one: its last frame shown. */
    void continueFrom(FieldCatalog previous) {
        displayed.continueFrom(previous.displayed);
    }

    /** The index in this catalog's frames of frame {@code number} of the capture. */
    public int indexOf(int number) {
        return number - 1 - analysis.frames().firstIndex();
    }

    /** Every field name this catalog knows, in a stable order: the columns the protocols declare. */
    public static List<String> knownNames() {
        return FieldTypes.columnNames();
    }

    /** The fields for {@code names}, in that order; an unknown name throws {@link UnknownFieldException}. */
    public List<Field> fields(List<String> names) {
        List<Field> fields = new ArrayList<>(names.size());
        for (String name : names) {
            fields.add(field(name));
        }
        return fields;
    }

    public Field field(String name) {
        ColumnField column = FieldTypes.column(name);
        if (column == null) {
            throw new UnknownFieldException(name, knownNames());
        }
        return new Field(name, column.reader().bind(columns));
    }
}

package org.wirelab.core.decode;

import java.util.List;
import java.util.function.Consumer;

/**
 * One named value of a decoded layer, as a node of the layer's field tree.
 *
 * @param label the human name, e.g. "Source Port"
 * @param name Wireshark's field name ({@code tcp.srcport}), or "" where Wireshark has none
 * @param range the bytes the value was read from; for a generated value (computed, not on the wire,
 *        shown in brackets as Wireshark does) the bytes it was computed from
 * @param bitMask for a value that is a few bits of its bytes, the mask over those bytes read big-endian;
 *        0 for whole bytes
 * @param value the value: a {@code Long} for numbers, {@code Boolean} for flags, {@code String} otherwise
 * @param display the line a tree view shows, e.g. "Source Port: 3372"
 * @param text the value as {@code tshark -T fields} prints it ("0x0012", "1", dotted addresses ...)
 * @param generated whether the value is computed rather than read from the wire
 * @param children sub-fields, e.g. the flag bits under {@code tcp.flags}
 * @param wording for a field added by its declaration ({@link HeaderField}), its words in any language
 *        ({@link FieldLabels}); null for a field whose decoder still writes its English line itself
 */
public record Field(String label, String name, ByteRange range, long bitMask, Object value, String display,
        String text, boolean generated, List<Field> children, Wording wording) {

    public Field {
        children = List.copyOf(children);
    }

    /** A field whose decoder writes its English line itself. */
    public Field(String label, String name, ByteRange range, long bitMask, Object value, String display,
            String text, boolean generated, List<Field> children) {
        this(label, name, range, bitMask, value, display, text, generated, children, null);
    }

    /** A field worded by the bundles: its label and line are the English bundle's. */
    public static Field worded(String name, ByteRange range, long bitMask, Object value, String text,
            boolean generated, List<Field> children, Wording wording) {
        Field bare = new Field("", name, range, bitMask, value, "", text, generated, children, wording);
        FieldLabels english = FieldLabels.english();
        return new Field(english.label(bare), name, range, bitMask, value, english.line(bare), text, generated,
                children, wording);
    }

    /**
     * A generated field, shown in brackets: known from other frames (a reply's request, a message's
     * segments), so often outside any byte of this one. Worded by its declaration's label and
     * {@code valueKey} with {@code arguments}.
     */
    public static Field generated(HeaderField declaration, ByteRange range, Object value, String text,
            String valueKey, Object... arguments) {
        return worded(declaration.name(), range, 0, value, text, true, List.of(),
                new Wording(declaration.labelKey(), valueKey, arguments));
    }

    public boolean hasName() {
        return !name.isEmpty();
    }

    public Field withChildren(List<Field> subFields) {
        return new Field(label, name, range, bitMask, value, display, text, generated, subFields, wording);
    }

    /** Visits this field then its descendants, depth first, in tree order. */
    public void forEach(Consumer<Field> visitor) {
        visitor.accept(this);
        for (Field child : children) {
            child.forEach(visitor);
        }
    }
}

package org.wirelab.core.fields;

/** A Wireshark field name bound to the capture it reads its values from. */
public record Field(String name, FieldValue value) {

    /** The value of frame {@code frameIndex} (0-based), "" when tshark prints nothing. */
    public String text(int frameIndex) {
        StringBuilder out = new StringBuilder();
        value.appendTo(out, frameIndex);
        return out.toString();
    }
}

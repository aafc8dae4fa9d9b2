package org.wirelab.core.fields;

/** Writes one field's value for one frame, as {@code tshark -T fields} prints it; nothing when absent. */
@FunctionalInterface
public interface FieldValue {
    void appendTo(StringBuilder out, int frameIndex);
}

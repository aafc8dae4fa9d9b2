package org.wirelab.core.fields;

import java.util.List;

/** A field name the catalog does not have; the message lists the names it has. */
public final class UnknownFieldException extends IllegalArgumentException {
    private final String fieldName;

    public UnknownFieldException(String fieldName, List<String> known) {
        super("unknown field '" + fieldName + "'; known fields: " + String.join(" ", known));
        this.fieldName = fieldName;
    }

    public String fieldName() {
        return fieldName;
    }
}

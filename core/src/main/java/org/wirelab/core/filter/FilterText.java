package org.wirelab.core.filter;

import org.wirelab.core.decode.Field;
import org.wirelab.core.decode.Layer;
import org.wirelab.core.decode.FieldType;
import org.wirelab.core.fields.FieldTypes;

/**
 * The display filter that selects a field's value, as Wireshark's "Apply as filter" writes it:
 * {@code tcp.srcport == 60728}, {@code http.request.method == "GET"}, a protocol or a label by its name.
 */
public final class FilterText {
    private FilterText() {
    }

    /** The filter for one field of a decoded tree, or null when the field has no Wireshark name wirelab knows. */
    public static String of(Field field) {
        FieldType type = field.hasName() ? FieldTypes.type(field.name()) : null;
        if (type == null) {
            return null;
        }
        return switch (type) {
            case NONE, PROTOCOL -> field.name();
            case BOOLEAN -> field.name() + " == " + (Boolean.TRUE.equals(field.value())
                    || field.value() instanceof Long number && number != 0 || "1".equals(field.text()) ? 1 : 0);
            case STRING, ABSOLUTE_TIME -> field.name() + " == " + new Syntax.Text(field.value() instanceof String text
                    ? text : field.text(), 0);
            default -> field.text().isEmpty() ? field.name() : field.name() + " == " + field.text();
        };
    }

    /** The filter for a decoded layer: its protocol's name, or null when Wireshark has no name for it. */
    public static String of(Layer layer) {
        return FieldTypes.protocolName(layer.protocol());
    }
}

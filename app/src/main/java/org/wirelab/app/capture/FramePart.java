package org.wirelab.app.capture;

import org.wirelab.core.decode.ByteRange;
import org.wirelab.core.decode.DecodedFrame;
import org.wirelab.core.decode.Field;
import org.wirelab.core.decode.Layer;

/**
 * A selected part of a frame: a whole layer ({@code field} null) or one field of it. Its bytes are
 * what the hex pane highlights, in the colour of the layer's OSI layer.
 */
public record FramePart(Layer layer, Field field) {

    public ByteRange range() {
        return field == null ? layer.range() : field.range();
    }

    public int osiLayer() {
        return layer.osiLayer();
    }

    /**
     * The innermost part covering byte {@code offset}: the deepest field read from the wire (not a
     * computed one) of the innermost layer holding it; the layer itself when no field does; null
     * when no layer does (a trailer).
     */
    public static FramePart at(DecodedFrame frame, int offset) {
        FramePart found = null;
        for (Layer layer : frame.layers()) {
            if (!layer.range().contains(offset)) {
                continue;
            }
            found = new FramePart(layer, null);
            for (Field field : layer.fields()) {
                Field deepest = deepest(field, offset);
                if (deepest != null) {
                    found = new FramePart(layer, deepest);
                }
            }
        }
        return found;
    }

    private static Field deepest(Field field, int offset) {
        if (field.generated() || !field.range().contains(offset)) {
            return null;
        }
        for (Field child : field.children()) {
            Field inner = deepest(child, offset);
            if (inner != null) {
                return inner;
            }
        }
        return field;
    }
}

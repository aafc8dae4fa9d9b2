package org.wirelab.core.decode;

import java.util.ArrayList;
import java.util.List;

/**
 * A frame with its full field tree: what {@link FrameDecoder} returns when a view asks for one frame.
 * Layers are in wire order (outer first); a frame that could not be fully decoded keeps every layer
 * decoded before the problem and says why in that layer's diagnostics.
 */
public record DecodedFrame(int number, long timestampNanos, int capturedLength, int originalLength, int linkType,
        byte[] bytes, List<Layer> layers) {

    public DecodedFrame {
        bytes = bytes.clone();
        layers = List.copyOf(layers);
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** Every field named {@code name} in tree order (outer layers first), as tshark lists occurrences. */
    public List<Field> fields(String name) {
        List<Field> found = new ArrayList<>();
        for (Layer layer : layers) {
            for (Field field : layer.fields()) {
                field.forEach(f -> {
                    if (f.name().equals(name)) {
                        found.add(f);
                    }
                });
            }
        }
        return found;
    }

    /** The field's text as {@code tshark -T fields -e name} prints it: occurrences comma-joined, "" if none. */
    public String text(String name) {
        StringBuilder out = new StringBuilder();
        for (Field field : fields(name)) {
            if (out.length() > 0) {
                out.append(',');
            }
            out.append(field.text());
        }
        return out.toString();
    }

    public List<Diagnostic> diagnostics() {
        return layers.stream().flatMap(l -> l.diagnostics().stream()).toList();
    }

    /** The innermost layer's summary, what a packet list's Info column shows. */
    public String summary() {
        return layers.isEmpty() ? "" : layers.get(layers.size() - 1).summary();
    }
}

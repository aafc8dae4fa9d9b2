package org.wirelab.app.layers;

import java.util.List;
import org.wirelab.core.decode.Layer;

/**
 * One of the seven OSI layers as the lab draws them, with what this frame carries there: the decoded
 * layers (their field trees) or, where TCP/IP has nothing of its own, a note key for the bundle
 * ({@code osi.note.*}) with its facts.
 */
public record OsiRow(int number, List<Layer> layers, String noteKey, List<Object> noteArguments) {

    public OsiRow {
        layers = List.copyOf(layers);
        noteArguments = List.copyOf(noteArguments);
    }

    /** The bundle key of the layer's name: {@code osi.1} is "Physical", {@code osi.7} "Application". */
    public String nameKey() {
        return "osi." + number;
    }
}

package org.wirelab.core.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.wirelab.core.fields.FieldTypes;

/** The crafted frames (every protocol and odd case the decoders handle) produce only names of the type table. */
class CraftedFieldTypesTest {

    @Test
    void everyFieldOfTheCraftedFramesHasADeclaredType() {
        Set<String> missing = new TreeSet<>();
        FrameDecoder decoder = FrameDecoder.standard();
        int number = 1;
        for (CraftedFrames.Crafted crafted : CraftedFrames.all()) {
            for (Layer layer : decoder.decode(crafted.raw(number++)).layers()) {
                if (FieldTypes.protocolName(layer.protocol()) == null) {
                    missing.add(crafted.what() + ": layer " + layer.protocol());
                }
                for (Field top : layer.fields()) {
                    top.forEach(field -> {
                        if (field.hasName() && !FieldTypes.isKnown(field.name())) {
                            missing.add(crafted.what() + ": " + field.name());
                        }
                    });
                }
            }
        }
        assertEquals(Set.of(), missing);
    }
}

package org.wirelab.core.fields;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.wirelab.core.decode.DecodedFrame;
import org.wirelab.core.decode.Field;
import org.wirelab.core.decode.FrameDecoder;
import org.wirelab.core.decode.Layer;
import org.wirelab.core.frame.FrameStore;
import org.wirelab.core.pcap.CaptureFiles;
import org.wirelab.core.testing.Corpus;
import org.wirelab.core.testing.Environment;

/** The table of field types knows every name the decoders produce, so that -e and filters accept them all. */
class FieldTypesTest {

    @Test
    void everyDecodedFieldAndProtocolHasADeclaredType() {
        List<Path> captures = new ArrayList<>(Environment.sampleFiles());
        captures.addAll(Corpus.captures());
        Set<String> missing = new TreeSet<>();
        FrameDecoder decoder = FrameDecoder.standard();
        for (Path capture : captures) {
            FrameStore frames;
            try {
                frames = CaptureFiles.read(capture).frames();
            } catch (Exception refused) {
                continue;
            }
            for (int i = 0; i < frames.size(); i++) {
                DecodedFrame frame = decoder.decode(frames, i);
                for (Layer layer : frame.layers()) {
                    if (FieldTypes.protocolName(layer.protocol()) == null) {
                        missing.add("layer " + layer.protocol());
                    }
                    for (Field top : layer.fields()) {
                        top.forEach(field -> {
                            if (field.hasName() && !FieldTypes.isKnown(field.name())) {
                                missing.add(field.name());
                            }
                        });
                    }
                }
            }
        }
        assertEquals(Set.of(), missing);
    }

    @Test
    void everyFastPathColumnHasADeclaredType() {
        List<String> missing = FieldCatalog.knownNames().stream().filter(name -> !FieldTypes.isKnown(name)).toList();
        assertEquals(List.of(), missing);
    }
}

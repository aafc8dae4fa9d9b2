package org.wirelab.core.fields;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.wirelab.core.analysis.CaptureAnalysis;
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

    /**
     * Each column's declared reach holds: where the columns answer a field the tree has too (the outer
     * headers of a TCP or UDP frame) they print what the tree holds, and a field only the columns answer
     * is never in a tree, whose occurrences (an ICMP error's quoted headers) the columns would miss.
     */
    @Test
    void columnsAnswerWhatTheirDeclarationSays() {
        List<String> wrong = new ArrayList<>();
        for (Path capture : Corpus.readableWithSamples().toList()) {
            CaptureFields fields = new CaptureFields(CaptureAnalysis.of(Corpus.read(capture).orElseThrow().frames()));
            for (int i = 0; i < fields.size(); i++) {
                int frame = i;
                Set<String> inTree = new HashSet<>();
                for (Layer layer : fields.tree(i).layers()) {
                    for (Field top : layer.fields()) {
                        top.forEach(field -> inTree.add(field.name()));
                    }
                }
                for (String name : FieldCatalog.knownNames()) {
                    ColumnField column = FieldTypes.column(name);
                    if (column.reach() == ColumnField.Reach.EVERY_FRAME && inTree.contains(name)) {
                        wrong.add(capture.getFileName() + " frame " + (i + 1) + ": " + name + " is in the tree");
                    } else if (column.reach() == ColumnField.Reach.OUTER_HEADERS && fields.fromColumns(name, i)) {
                        List<String> tree = fields.occurrences(name, i).stream().map(Field::text).toList();
                        if (!tree.equals(fields.texts(name, i))) {
                            wrong.add(capture.getFileName() + " frame " + (frame + 1) + ": " + name + " columns "
                                    + fields.texts(name, i) + ", tree " + tree);
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), wrong.subList(0, Math.min(40, wrong.size())));
    }
}

package org.wirelab.core.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wirelab.core.analysis.CaptureAnalysis;
import org.wirelab.core.fields.CaptureFields;
import org.wirelab.core.fields.KnownDifferences;
import org.wirelab.core.pcap.CaptureFiles;
import org.wirelab.core.testing.Tshark;
import org.wirelab.core.testing.TsharkAnswers;

/**
 * Every field name wirelab knows (that tshark knows too) prints, for every frame of every sample and
 * corpus file, what {@code tshark -T fields -e NAME} prints: every occurrence, comma-joined.
 */
class FieldTextTsharkTest {

    static List<Path> captures() {
        return FilterCases.captures();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("captures")
    void everyFieldPrintsAsTsharkPrintsIt(Path capture) throws IOException {
        Tshark.require();
        TsharkAnswers tshark = FilterCases.tshark(capture);
        CaptureFields fields = new CaptureFields(CaptureAnalysis.of(CaptureFiles.read(capture).frames()));
        List<String> names = FilterCases.FIELDS;
        List<String> differences = new ArrayList<>();
        int protocols = names.indexOf("frame.protocols");
        int stacksDiffer = 0;
        for (int row = 1; row < tshark.rows().size() && row <= fields.size(); row++) {
            String[] expected = tshark.rows().get(row);
            // Where tshark reassembled or chose another dissector, the layers above transport differ as a whole.
            boolean sameStack = String.join(",", fields.texts("frame.protocols", row - 1)).equals(expected[protocols]);
            stacksDiffer += sameStack ? 0 : 1;
            // tshark reads the first bytes of an ICMP echo's data as a timestamp when they look like one.
            List<String> icmpType = fields.texts("icmp.type", row - 1);
            boolean echo = icmpType.contains("0") || icmpType.contains("8");
            for (int f = 0; f < names.size(); f++) {
                String name = names.get(f);
                if (KnownFieldDifferences.FIELDS.containsKey(name)
                        || !sameStack && KnownFieldDifferences.isApplicationField(name)
                        || echo && name.startsWith("data")) {
                    continue;
                }
                String ours = String.join(",", fields.texts(name, row - 1));
                String theirs = f < expected.length ? expected[f] : "";
                String difference = "frame " + row + " " + name + ": wirelab '" + ours + "', tshark '" + theirs + "'";
                if (!ours.equals(theirs) && KnownDifferences.reason(capture, difference) == null) {
                    differences.add("frame " + row + " " + name + ": wirelab '" + ours + "', tshark '" + theirs + "'");
                }
            }
        }
        if (stacksDiffer > 0) {
            System.out.println(capture.getFileName() + ": " + stacksDiffer + " of " + (tshark.rows().size() - 1)
                    + " frames have another protocol stack in tshark (reassembly, dissector by port)");
        }
        assertEquals(List.of(), differences, capture.getFileName().toString());
    }
}

package org.wirelab.core.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wirelab.core.analysis.CaptureAnalysis;
import org.wirelab.core.fields.CaptureFields;
import org.wirelab.core.pcap.CaptureFiles;
import org.wirelab.core.testing.Tshark;
import org.wirelab.core.testing.TsharkAnswers;

/** Every filter of {@link FilterCases} selects the frames tshark -Y selects, on every sample and corpus file. */
class DisplayFilterTsharkTest {

    static List<Path> captures() {
        return FilterCases.captures();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("captures")
    void selectsTheFramesTsharkSelects(Path capture) throws IOException, FilterException {
        Tshark.require();
        TsharkAnswers tshark = FilterCases.tshark(capture);
        // tshark stops at the damage of a damaged file: compare the frames it read.
        int frames = tshark.rows().size() - 1;
        CaptureFields fields = new CaptureFields(CaptureAnalysis.of(CaptureFiles.read(capture).frames()));
        Set<Integer> otherStack = otherStack(tshark, fields, frames);
        List<String> differences = new ArrayList<>();
        for (int f = 0; f < FilterCases.FILTERS.size(); f++) {
            String filter = FilterCases.FILTERS.get(f);
            DisplayFilter.Matcher matcher = DisplayFilter.compile(filter).matcher(fields);
            Set<Integer> selected = new TreeSet<>();
            for (int i = 0; i < Math.min(frames, fields.size()); i++) {
                if (matcher.matches(i)) {
                    selected.add(i + 1);
                }
            }
            Set<Integer> expected = new TreeSet<>(tshark.selected().get(f));
            if (KnownFieldDifferences.FILTERS.containsKey(filter)) {
                // Compared only where both decoded the same protocols above transport.
                selected.removeAll(otherStack);
                expected.removeAll(otherStack);
            }
            if (!selected.equals(expected)) {
                differences.add(filter + ": wirelab " + selected + ", tshark " + expected);
            }
        }
        assertEquals(List.of(), differences, capture.getFileName().toString());
    }

    /** The frames (1-based) whose frame.protocols differs from tshark's: another decoder above transport. */
    private static Set<Integer> otherStack(TsharkAnswers tshark, CaptureFields fields, int frames) {
        int column = FilterCases.FIELDS.indexOf("frame.protocols");
        Set<Integer> differ = new TreeSet<>();
        for (int row = 1; row <= Math.min(frames, fields.size()); row++) {
            String[] expected = tshark.rows().get(row);
            String theirs = column < expected.length ? expected[column] : "";
            if (!String.join(",", fields.texts("frame.protocols", row - 1)).equals(theirs)) {
                differ.add(row);
            }
        }
        return differ;
    }
}

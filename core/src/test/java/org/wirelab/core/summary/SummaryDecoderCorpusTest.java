package org.wirelab.core.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wirelab.core.frame.FrameStore;
import org.wirelab.core.testing.Corpus;
import org.wirelab.core.pcap.CaptureFiles;

/** Every summary column of every corpus frame equals tshark's answer in truth/F.tsv and F.analysis.tsv. */
class SummaryDecoderCorpusTest {

    /** The captures tshark could read (the rejected malformed files have empty truth). */
    static Stream<Path> captures() {
        return Corpus.captures().stream().filter(p -> !Corpus.readTsv(Corpus.truth(p, "tsv")).isEmpty()
                && !Corpus.readTsv(Corpus.truth(p, "tsv")).get(0)[0].isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("captures")
    void everyColumnMatchesTshark(Path capture) throws IOException {
        FrameStore frames = CaptureFiles.read(capture).frames();
        PacketTable table = new SummaryDecoder().decode(frames);
        List<String[]> truth = Corpus.readTsv(Corpus.truth(capture, "tsv"));
        List<String[]> analysis = Corpus.readTsv(Corpus.truth(capture, "analysis.tsv"));
        List<String> header = List.of(truth.get(0));
        List<String> analysisHeader = List.of(analysis.get(0));
        int rows = truth.size() - 1;
        assertEquals(rows, table.size(), "frames in " + capture.getFileName());
        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            for (var column : SummaryColumns.of(frames, table, i).entrySet()) {
                String[] row = header.contains(column.getKey()) ? truth.get(i + 1) : analysis.get(i + 1);
                int index = header.contains(column.getKey()) ? header.indexOf(column.getKey())
                        : analysisHeader.indexOf(column.getKey());
                if (!row[index].equals(column.getValue())) {
                    mismatches.add("frame " + (i + 1) + " " + column.getKey() + ": tshark '" + row[index]
                            + "', ours '" + column.getValue() + "'");
                }
            }
        }
        assertEquals(List.of(), mismatches, capture.getFileName().toString());
    }
}

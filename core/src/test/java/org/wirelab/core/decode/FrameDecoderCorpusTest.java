package org.wirelab.core.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wirelab.core.frame.FrameStore;
import org.wirelab.core.summary.PacketTable;
import org.wirelab.core.summary.SummaryColumns;
import org.wirelab.core.summary.SummaryDecoder;
import org.wirelab.core.testing.Corpus;
import org.wirelab.core.pcap.CaptureFiles;

/**
 * The field tree of every corpus frame gives tshark's values (truth/F.tsv and F.analysis.tsv), and the
 * summary decoder's columns equal the tree's.
 */
class FrameDecoderCorpusTest {
    static final List<String> TSV_FIELDS = List.of("ip.src", "ip.dst", "ipv6.src", "ipv6.dst", "ip.proto",
            "tcp.srcport", "tcp.dstport", "tcp.flags", "tcp.seq_raw", "tcp.ack_raw", "tcp.len", "tcp.window_size_value",
            "udp.srcport", "udp.dstport", "udp.length");
    static final List<String> ANALYSIS_FIELDS = List.of("ipv6.nxt", "tcp.hdr_len", "tcp.flags.str");

    static Stream<Path> captures() {
        return Corpus.captures().stream().filter(p -> !Corpus.readTsv(Corpus.truth(p, "tsv")).isEmpty()
                && !Corpus.readTsv(Corpus.truth(p, "tsv")).get(0)[0].isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("captures")
    void fieldTreeMatchesTruth(Path capture) throws IOException {
        FrameStore frames = CaptureFiles.read(capture).frames();
        FrameDecoder decoder = FrameDecoder.standard();
        List<String[]> truth = Corpus.readTsv(Corpus.truth(capture, "tsv"));
        List<String[]> analysis = Corpus.readTsv(Corpus.truth(capture, "analysis.tsv"));
        assertEquals(truth.size() - 1, frames.size(), "frames");
        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < frames.size(); i++) {
            DecodedFrame frame = decoder.decode(frames, i);
            compare(frame, truth, TSV_FIELDS, i, mismatches);
            compare(frame, analysis, ANALYSIS_FIELDS, i, mismatches);
        }
        assertEquals(List.of(), mismatches, capture.getFileName().toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("captures")
    void summaryDecoderAgreesWithTheTree(Path capture) throws IOException {
        FrameStore frames = CaptureFiles.read(capture).frames();
        PacketTable table = new SummaryDecoder().decode(frames);
        FrameDecoder decoder = FrameDecoder.standard();
        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < frames.size(); i++) {
            DecodedFrame frame = decoder.decode(frames, i);
            for (var column : SummaryColumns.of(frames, table, i).entrySet()) {
                if (!column.getValue().equals(frame.text(column.getKey()))) {
                    mismatches.add("frame " + (i + 1) + " " + column.getKey() + ": summary '" + column.getValue()
                            + "', tree '" + frame.text(column.getKey()) + "'");
                }
            }
        }
        assertEquals(List.of(), mismatches, capture.getFileName().toString());
    }

    static void compare(DecodedFrame frame, List<String[]> table, List<String> fields, int i, List<String> out) {
        List<String> header = List.of(table.get(0));
        for (String field : fields) {
            String expected = table.get(i + 1)[header.indexOf(field)];
            String actual = frame.text(field);
            if (!expected.equals(actual)) {
                out.add("frame " + (i + 1) + " " + field + ": tshark '" + expected + "', ours '" + actual + "'");
            }
        }
    }
}

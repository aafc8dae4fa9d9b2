package org.wirelab.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wirelab.core.analysis.CaptureAnalysis;
import org.wirelab.core.fields.CaptureFields;
import org.wirelab.core.filter.DisplayFilter;
import org.wirelab.core.filter.FilterException;
import org.wirelab.core.pcap.CaptureFiles;
import org.wirelab.core.pcap.CaptureFormatException;
import org.wirelab.core.pcap.CaptureSegments;
import org.wirelab.core.testing.Corpus;
import org.wirelab.core.testing.Environment;
import org.wirelab.core.testing.Tshark;

/**
 * The conversation tables of the whole pipeline (reader, decoder, conversation index, statistics)
 * must print exactly what tshark printed: truth/F.conv.txt for the corpus, live tshark for the samples; and
 * the tables of the frames a display filter selects what tshark's {@code -z conv,tcp,FILTER} prints.
 */
class ConversationTableTsharkTest {
    /** Filters that keep some frames of a conversation and not others, so that sides, starts and order move. */
    private static final List<String> FILTERS = List.of("frame.number >= 3", "tcp.len > 0 || udp",
            "tcp.flags.syn == 0", "ip.src == 127.0.0.1 && frame.len > 70", "tcp.srcport > tcp.dstport",
            "udp.srcport < udp.dstport || tcp.flags.fin == 1", "!tcp.analysis.flags", "frame.len < 100");
    private static final Pattern TABLE = Pattern.compile(
            "={80}\n(TCP|UDP) Conversations\nFilter:(.*)\n(?:.*\n)*?={80}\n");

    static Stream<Path> corpus() {
        return Corpus.captures().stream()
                .filter(p -> Files.exists(Corpus.truth(p, "conv.txt")))
                .filter(Corpus::readable);
    }

    static Stream<Path> samples() throws IOException {
        return Environment.sampleFiles().stream();
    }

    private static CaptureAnalysis readable(Path capture) {
        try {
            return CaptureAnalysis.of(CaptureFiles.read(capture).frames());
        } catch (CaptureFormatException notACapture) {
            return null;   // the malformed corpus files; their errors are the reader's tests
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void corpusTablesEqualTheTruth(Path capture) throws IOException {
        assertEquals(Files.readString(Corpus.truth(capture, "conv.txt")),
                CaptureConversations.text(readable(capture)));
    }

    /**
     * Read three frames at a time (conversations, TCP port reuse and handshakes cross segments), the
     * tables are still tshark's: only the conversations are carried from one segment to the next.
     */
    @ParameterizedTest
    @MethodSource("corpus")
    void corpusTablesReadInSegmentsEqualTheTruth(Path capture) throws IOException {
        try (CaptureSegments segments = CaptureSegments.open(capture, 3)) {
            assertEquals(Files.readString(Corpus.truth(capture, "conv.txt")), CaptureConversations.text(segments));
        }
    }

    @ParameterizedTest
    @MethodSource("samples")
    void sampleTablesEqualLiveTshark(Path capture) {
        assertEquals(Tshark.run("-q", "-r", capture.toString(), "-z", "conv,tcp", "-z", "conv,udp"),
                CaptureConversations.text(readable(capture)));
    }

    static Stream<Path> allCaptures() throws IOException {
        return Stream.concat(samples(), corpus());
    }

    @ParameterizedTest
    @MethodSource("allCaptures")
    void filteredTablesEqualTsharksTapFilters(Path capture) throws FilterException {
        List<String> arguments = new ArrayList<>(List.of("-q", "-r", capture.toString()));
        for (String filter : FILTERS) {
            arguments.addAll(List.of("-z", "conv,tcp," + filter, "-z", "conv,udp," + filter));
        }
        Map<String, String> tshark = new HashMap<>();
        Matcher table = TABLE.matcher(Tshark.runOnDamagedFile(arguments.toArray(String[]::new)));
        while (table.find()) {
            tshark.put(table.group(1) + " " + table.group(2), table.group());
        }
        CaptureAnalysis analysis = readable(capture);
        List<String> differences = new ArrayList<>();
        for (String filter : FILTERS) {
            String expected = tshark.get("UDP " + filter) + tshark.get("TCP " + filter);
            String ours = CaptureConversations.text(analysis, filter,
                    DisplayFilter.compile(filter).matcher(new CaptureFields(analysis))::matches);
            if (!expected.equals(ours)) {
                differences.add("-z conv,tcp," + filter + "\ntshark:\n" + expected + "wirelab:\n" + ours);
            }
        }
        assertEquals(List.of(), differences, capture.getFileName().toString());
    }
}

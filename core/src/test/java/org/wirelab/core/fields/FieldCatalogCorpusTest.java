package org.wirelab.core.fields;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wirelab.core.analysis.CaptureAnalysis;
import org.wirelab.core.pcap.CaptureFiles;
import org.wirelab.core.pcap.CaptureFormatException;
import org.wirelab.core.testing.Corpus;
import org.wirelab.core.testing.Tshark;

/**
 * Every catalog field equals tshark's value for every frame of every corpus capture: first against the
 * stored truth (truth/F.tsv and truth/F.analysis.tsv), then against tshark run live on the same file
 * for the fields the truth files do not hold (zero window, window full, probes, keep-alive ACK). The
 * TCP analysis messages among {@code _ws.expert.message} must agree too.
 */
class FieldCatalogCorpusTest {

    static Stream<Path> captures() {
        return Corpus.captures().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("captures")
    void everyStoredTruthColumnMatches(Path capture) throws IOException {
        CaptureAnalysis analysis = analyse(capture);
        List<String> mismatches = new ArrayList<>();
        for (String suffix : List.of("tsv", "analysis.tsv")) {
            List<String[]> truth = Corpus.readTsv(Corpus.truth(capture, suffix));
            compare(capture, analysis, truth, mismatches);
        }
        assertNoUnexplainedDifferences(capture, mismatches);
        Set<String> compared = new HashSet<>();
        for (String suffix : List.of("tsv", "analysis.tsv")) {
            List<String[]> truth = Corpus.readTsv(Corpus.truth(capture, suffix));
            if (!truth.isEmpty()) {
                compared.addAll(Arrays.asList(truth.get(0)));
            }
        }
        assertKnownDifferencesStillOccur(capture, mismatches, compared);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("captures")
    void everyCatalogFieldMatchesTsharkLive(Path capture) throws IOException {
        if (!tsharkReadsWholeFile(capture)) {
            return; // tshark exits 2 on these damaged files; the stored truth above covers their frames
        }
        CaptureAnalysis analysis = analyse(capture);
        List<String> names = new ArrayList<>(FieldCatalog.knownNames());
        names.add("_ws.expert.message");
        List<String[]> truth = Tshark.fields(capture, names);
        List<String> mismatches = new ArrayList<>();
        compare(capture, analysis, truth, mismatches);
        assertNoUnexplainedDifferences(capture, mismatches);
        assertKnownDifferencesStillOccur(capture, mismatches, new HashSet<>(names));
    }

    /** A listed difference that no longer occurs must leave the list. */
    private static void assertKnownDifferencesStillOccur(Path capture, List<String> mismatches, Set<String> compared) {
        for (KnownDifferences.Difference known : KnownDifferences.forFile(capture)) {
            if (!compared.contains(known.field())) {
                continue;
            }
            String prefix = "frame " + known.frame() + " " + known.field() + ":";
            assertTrue(mismatches.stream().anyMatch(m -> m.startsWith(prefix)),
                    "listed as a known difference but now agrees with tshark, remove it: " + known);
        }
    }

    @Test
    void unknownFieldNamesEveryKnownOne() {
        CaptureAnalysis analysis = CaptureAnalysis.of(new org.wirelab.core.frame.FrameStore());
        UnknownFieldException e = org.junit.jupiter.api.Assertions.assertThrows(UnknownFieldException.class,
                () -> new FieldCatalog(analysis).field("tcp.nonsense"));
        assertEquals("tcp.nonsense", e.fieldName());
        for (String known : FieldCatalog.knownNames()) {
            assertTrue(e.getMessage().contains(known), known);
        }
    }

    static CaptureAnalysis analyse(Path capture) throws IOException {
        try {
            return CaptureAnalysis.of(CaptureFiles.read(capture).frames());
        } catch (CaptureFormatException notACapture) {
            // tshark rejects these too: its truth has a header and no frame.
            return CaptureAnalysis.of(new org.wirelab.core.frame.FrameStore());
        }
    }

    static boolean tsharkReadsWholeFile(Path capture) throws IOException {
        return Files.readString(Corpus.truth(capture, "status.txt")).contains("[fields] rc=0");
    }

    static void compare(Path capture, CaptureAnalysis analysis, List<String[]> truth, List<String> mismatches) {
        if (truth.isEmpty()) {
            // tshark rejected the file before printing even the header line.
            assertEquals(0, analysis.size(), capture.getFileName() + ": tshark read no frame");
            return;
        }
        assertEquals(truth.size() - 1, analysis.size(), capture.getFileName() + ": frame count");
        TsharkAgreement.compare(analysis, truth, mismatches);
        if (List.of(truth.get(0)).contains("_ws.expert.message")) {
            TsharkAgreement.compareExpertMessages(analysis, truth, mismatches);
        }
    }

    static void assertNoUnexplainedDifferences(Path capture, List<String> mismatches) {
        List<String> unexplained = new ArrayList<>();
        for (String mismatch : mismatches) {
            if (KnownDifferences.reason(capture, mismatch) == null) {
                unexplained.add(mismatch);
            }
        }
        if (!unexplained.isEmpty()) {
            fail(capture.getFileName() + ": " + unexplained.size() + " values differ from tshark:\n  "
                    + String.join("\n  ", unexplained.subList(0, Math.min(60, unexplained.size()))));
        }
    }
}

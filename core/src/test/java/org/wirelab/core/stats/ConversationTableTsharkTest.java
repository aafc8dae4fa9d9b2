package org.wirelab.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wirelab.core.analysis.CaptureAnalysis;
import org.wirelab.core.pcap.CaptureFiles;
import org.wirelab.core.pcap.CaptureFormatException;
import org.wirelab.core.testing.Corpus;
import org.wirelab.core.testing.Environment;
import org.wirelab.core.testing.Tshark;

/**
 * The conversation tables of the whole pipeline (reader, decoder, conversation index, statistics)
 * must print exactly what tshark printed: truth/F.conv.txt for the corpus, live tshark for the samples.
 */
class ConversationTableTsharkTest {

    static Stream<Path> corpus() {
        return Corpus.captures().stream()
                .filter(p -> Files.exists(Corpus.truth(p, "conv.txt")))
                .filter(p -> readable(p) != null);
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

    @ParameterizedTest
    @MethodSource("samples")
    void sampleTablesEqualLiveTshark(Path capture) {
        assertEquals(Tshark.run("-q", "-r", capture.toString(), "-z", "conv,tcp", "-z", "conv,udp"),
                CaptureConversations.text(readable(capture)));
    }
}

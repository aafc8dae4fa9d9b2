package org.wirelab.core.fields;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wirelab.core.analysis.CaptureAnalysis;
import org.wirelab.core.decode.DecodedFrame;
import org.wirelab.core.decode.Field;
import org.wirelab.core.decode.FrameDecoder;
import org.wirelab.core.decode.Layer;
import org.wirelab.core.frame.FrameStore;
import org.wirelab.core.pcap.CaptureFiles;
import org.wirelab.core.pcap.CaptureFormatException;
import org.wirelab.core.testing.Corpus;
import org.wirelab.core.testing.Environment;
import org.wirelab.core.testing.Tshark;

/**
 * The relative numbers added to each TCP frame's tree are tshark's: the values of {@code tcp.seq},
 * {@code tcp.ack} and {@code tcp.nxtseq} ({@code -T fields}) in the samples, and the very lines, in the same
 * order, that {@code tshark -V} prints around the raw numbers in the samples and the corpus.
 */
class TcpRelativeNumbersTest {
    private static final List<String> NAMES = List.of("tcp.seq", "tcp.nxtseq", "tcp.ack");
    /** The lines of {@code tshark -V -O tcp} about sequence and acknowledgment numbers. */
    private static final List<String> LINE_STARTS = List.of("Sequence Number", "[Next Sequence Number",
            "Acknowledgment Number", "Acknowledgment number");

    static List<Path> samples() {
        return Environment.sampleFiles();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void everyTcpFrameHasTsharksRelativeNumbers(Path sample) throws IOException {
        FrameStore frames = CaptureFiles.read(sample).frames();
        TcpRelativeNumbers numbers = new TcpRelativeNumbers(new FieldCatalog(CaptureAnalysis.of(frames)));
        List<String[]> tshark = Tshark.fields(sample, NAMES);
        int compared = 0;
        for (int i = 0; i < frames.size(); i++) {
            DecodedFrame frame = numbers.addTo(FrameDecoder.standard().decode(frames, i));
            String[] expected = tshark.get(i + 1);
            for (int n = 0; n < NAMES.size(); n++) {
                assertEquals(expected[n], frame.text(NAMES.get(n)), sample.getFileName() + " frame " + (i + 1) + " "
                        + NAMES.get(n));
                compared += expected[n].isEmpty() ? 0 : 1;
            }
        }
        assertTrue(compared > 0 || tshark.stream().skip(1).allMatch(row -> row[0].isEmpty()),
                "no TCP frame compared in " + sample);
    }

    static List<Path> samplesAndCorpus() {
        return Corpus.withSamples();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samplesAndCorpus")
    void theTreeReadsAsTsharksAroundTheRawNumbers(Path capture) throws IOException {
        FrameStore frames;
        try {
            frames = CaptureFiles.read(capture).frames();
        } catch (CaptureFormatException damaged) {
            return; // the corpus has damaged files on purpose: no tree to show
        }
        TcpRelativeNumbers numbers = new TcpRelativeNumbers(new FieldCatalog(CaptureAnalysis.of(frames)));
        Map<Integer, List<String>> tshark = numberLines(
                Tshark.runOnDamagedFile("-r", capture.toString(), "-V", "-O", "tcp"));
        for (int i = 0; i < frames.size(); i++) {
            DecodedFrame frame = numbers.addTo(FrameDecoder.standard().decode(frames, i));
            List<String> ours = new ArrayList<>();
            for (Layer layer : frame.layers()) {
                // Only TCP's: an ICMP echo has a "Sequence Number (BE)" of its own.
                for (Field field : layer.protocol().equals("TCP") ? layer.fields() : List.<Field>of()) {
                    if (LINE_STARTS.stream().anyMatch(field.display()::startsWith)) {
                        ours.add(field.display());
                    }
                }
            }
            assertEquals(tshark.getOrDefault(i + 1, List.of()), ours, capture.getFileName() + " frame " + (i + 1));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void theRelativeNumbersCoverTheRawNumbersBytes(Path sample) throws IOException {
        FrameStore frames = CaptureFiles.read(sample).frames();
        TcpRelativeNumbers numbers = new TcpRelativeNumbers(new FieldCatalog(CaptureAnalysis.of(frames)));
        for (int i = 0; i < frames.size(); i++) {
            DecodedFrame frame = numbers.addTo(FrameDecoder.standard().decode(frames, i));
            for (Field seq : frame.fields("tcp.seq")) {
                assertEquals(frame.fields("tcp.seq_raw").get(0).range(), seq.range());
                assertEquals(false, seq.generated(), "Wireshark shows tcp.seq without brackets");
            }
            for (Field next : frame.fields("tcp.nxtseq")) {
                assertEquals(true, next.generated(), "Wireshark shows tcp.nxtseq in brackets");
            }
            for (Field ack : frame.fields("tcp.ack")) {
                assertEquals(frame.fields("tcp.ack_raw").get(0).range(), ack.range());
            }
        }
    }

    /** Per frame number, the trimmed lines of {@code tshark -V} that {@link #LINE_STARTS} begin. */
    private static Map<Integer, List<String>> numberLines(String verbose) {
        Map<Integer, List<String>> lines = new TreeMap<>();
        int frame = 0;
        for (String line : verbose.split("\n")) {
            if (line.startsWith("Frame ")) {
                frame = Integer.parseInt(line.substring(6, line.indexOf(':')));
            } else if (line.startsWith("    ") && !line.startsWith("     ")
                    && LINE_STARTS.stream().anyMatch(line.strip()::startsWith)) {
                lines.computeIfAbsent(frame, f -> new ArrayList<>()).add(line.strip());
            }
        }
        return lines;
    }
}

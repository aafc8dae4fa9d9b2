package org.wirelab.cli.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wirelab.core.analysis.CaptureAnalysis;
import org.wirelab.core.analysis.FileWindow;
import org.wirelab.core.filter.DisplayFilter;
import org.wirelab.core.ladder.Ladder;
import org.wirelab.core.ladder.draw.LadderView;
import org.wirelab.core.pcap.CaptureFiles;
import org.wirelab.core.testing.Corpus;
import org.wirelab.export.LadderExport;

/**
 * {@code export --stream N --diagram OUT} analyses only stream N, after the parts of the file before it
 * ({@link FileWindow}): the diagram (SVG, PlantUML, Mermaid, and with a display filter; for each file's first
 * stream also PNG and the view drawn to scale in time with raw numbers) is byte for byte the one the whole
 * file's analysis gives, for every TCP stream of every sample and corpus file read in parts of 1 and 7 frames.
 */
class ExportStreamInPartsTest {
    private static final LadderView PLAIN = LadderView.of(0, 0);
    /** The largest ladder drawn as PNG. */
    private static final int PNG_ARROWS = 60;
    private static final LadderView TIMED_RAW = LadderView.of(0, 0).withRawNumbers(true).timed(true);

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    static Stream<Path> captures() {
        return Corpus.readableWithSamples();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("captures")
    void everyStreamsDiagramInPartsIsTheWholeFilesDiagram(Path capture, @TempDir Path directory) throws Exception {
        CaptureAnalysis whole = CaptureAnalysis.of(CaptureFiles.read(capture).frames());
        DisplayFilter dataOnly = DisplayFilter.compile("tcp.len > 0 or tcp.flags.fin == 1");
        for (int stream = 0; stream < whole.conversations().tcpStreamCount(); stream++) {
            // Every format and view of the first stream; the text formats and SVG of the others (PNG takes long).
            boolean everyFormat = stream == 0;
            Map<String, byte[]> expected = files(ExportCommand.ladder(whole, stream, null),
                    ExportCommand.ladder(whole, stream, dataOnly), directory, everyFormat);
            for (int partFrames : new int[] {1, 7}) {
                FileWindow window = FileWindow.ofTcpStream(capture, partFrames, stream);
                Map<String, byte[]> inParts = files(ExportCommand.ladder(window.analysis(), stream, null),
                        ExportCommand.ladder(window.analysis(), stream, dataOnly), directory, everyFormat);
                assertEquals(expected.keySet(), inParts.keySet());
                for (String name : expected.keySet()) {
                    assertArrayEquals(expected.get(name), inParts.get(name), capture.getFileName() + " stream " + stream
                            + " in parts of " + partFrames + " frames: " + name);
                }
            }
        }
    }

    /**
     * The diagram as SVG, PlantUML and Mermaid, and the filtered one as SVG; with {@code everyFormat}, also as
     * PNG (of a ladder small enough to read on a slide: drawing one takes long) and in the timed view with raw numbers.
     */
    private static Map<String, byte[]> files(Ladder ladder, Ladder filtered, Path directory, boolean everyFormat)
            throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        List<String> extensions = everyFormat && ladder.size() <= PNG_ARROWS ? List.of("svg", "png", "puml", "mmd")
                : List.of("svg", "puml", "mmd");
        for (String extension : extensions) {
            files.put("plain." + extension, written(ladder, directory, "plain." + extension, PLAIN));
            if (everyFormat) {
                files.put("timed-raw." + extension, written(ladder, directory, "timed-raw." + extension, TIMED_RAW));
            }
        }
        files.put("filtered.svg", written(filtered, directory, "filtered.svg", PLAIN));
        return files;
    }

    private static byte[] written(Ladder ladder, Path directory, String name, LadderView view) throws IOException {
        Path file = directory.resolve(name);
        LadderExport.write(ladder, LadderExport.Format.of(file), file, LadderExport.texts(Locale.FRENCH), view,
                "title");
        return Files.readAllBytes(file);
    }
}

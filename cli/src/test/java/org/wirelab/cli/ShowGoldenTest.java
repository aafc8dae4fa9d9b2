package org.wirelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.wirelab.core.testing.Environment;

/**
 * {@code wirelab show FILE} prints, byte for byte, the diagram recorded in show-golden/ for every sample
 * and corpus file, whole and with its lanes grouped ({@code --lanes 2}): the ladder's fast paths (a mapped
 * file read in windows, labels written in place, lines made on several threads) must not change a
 * character of what a student sees. The recorded diagrams are reviewed like code: a change that is meant
 * to alter them rewrites them with {@code -Dwirelab.golden.update=true}, and the diff is read before it is
 * committed. bench/show-identical.sh checks the same on a million frames against an earlier build.
 */
class ShowGoldenTest {
    private static final Path GOLDEN = Environment.repositoryRoot().resolve("cli/src/test/resources/show-golden");
    private static final boolean UPDATE = Boolean.getBoolean("wirelab.golden.update");

    static Stream<Arguments> runs() {
        List<Path> captures = new ArrayList<>(TestCaptures.samplesAndSoundCorpusFiles());
        captures.addAll(TestCaptures.damagedCorpusFiles());
        List<Arguments> runs = new ArrayList<>();
        for (Path capture : captures) {
            runs.add(Arguments.of(capture, List.of()));
            runs.add(Arguments.of(capture, List.of("--lanes", "2")));
        }
        return runs.stream();
    }

    @ParameterizedTest(name = "show {0} {1}")
    @MethodSource("runs")
    void theDiagramIsTheRecordedOne(Path capture, List<String> options) throws IOException {
        List<String> args = new ArrayList<>(List.of("show", capture.toString()));
        args.addAll(options);
        CliRun run = CliRun.of(args.toArray(String[]::new));
        // The exit code and the error line are part of what is recorded (a damaged file exits with 1).
        String shown = "exit " + run.exitCode() + "\n" + run.out();
        Path golden = GOLDEN.resolve(goldenName(capture, options));
        Path whole = GOLDEN.resolve(goldenName(capture, List.of()));
        if (UPDATE) {
            Files.createDirectories(GOLDEN);
            Files.deleteIfExists(golden);
            // A capture of two lanes or fewer is grouped into what it was: recorded once.
            if (options.isEmpty() || !shown.equals(Files.readString(whole, StandardCharsets.UTF_8))) {
                Files.writeString(golden, shown, StandardCharsets.UTF_8);
            }
            return;
        }
        if (!options.isEmpty() && !Files.exists(golden)) {
            golden = whole;
        }
        if (!Files.exists(golden)) {
            fail("no recorded diagram " + golden + ": record it with -Dwirelab.golden.update=true and review it");
        }
        assertEquals(Files.readString(golden, StandardCharsets.UTF_8), shown,
                "show " + capture + " " + options + " differs from " + golden.getFileName()
                        + " (if the change is meant, record it again with -Dwirelab.golden.update=true and review the diff)");
    }

    /** "samples/reference/chat-client.pcap" -> "samples-reference-chat-client.pcap.txt", "-lanes2" before ".txt" when grouped. */
    private static String goldenName(Path capture, List<String> options) {
        Path root = Environment.repositoryRoot();
        Path absolute = capture.toAbsolutePath().normalize();
        String name = absolute.startsWith(root) ? root.relativize(absolute).toString()
                : "corpus/" + absolute.getFileName();
        return name.replace('/', '-') + (options.isEmpty() ? "" : "-lanes2") + ".txt";
    }
}

package org.wirelab.core.ladder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wirelab.bench.LoopbackTrafficGenerator;
import org.wirelab.core.analysis.CaptureAnalysis;
import org.wirelab.core.analysis.ConversationIndex;
import org.wirelab.core.pcap.CaptureFiles;
import org.wirelab.core.tcpstate.TcpStates;
import org.wirelab.core.testing.Corpus;
import org.wirelab.core.testing.Environment;

/**
 * The text diagram a capture's ladder writes from the analysis' columns ({@link CaptureLadder#writeText})
 * is the text of its arrows made one by one ({@link CaptureLadder#build}), to the byte: on every corpus
 * capture and sample, with lanes grouped, with one stream focused, and with frames a simulator lost.
 */
class LadderTextFromColumnsTest {

    /** The corpus captures wirelab reads (some are damaged on purpose), and every sample. */
    static Stream<Path> captures() {
        List<Path> all = new ArrayList<>(CaptureLadderTest.capturesWithFrames().map(Corpus::capture).toList());
        all.addAll(Environment.sampleFiles());
        return all.stream();
    }

    @ParameterizedTest
    @MethodSource("captures")
    void sameTextAsTheArrows(Path capture) throws IOException {
        CaptureAnalysis analysis = CaptureAnalysis.of(CaptureFiles.read(capture).frames());
        assertSameText(analysis, index -> false, true);
        // Every third frame lost on the way, as a simulated run's ladder says.
        assertSameText(analysis, index -> index % 3 == 1, true);
    }

    /** Loopback traffic of many sockets: the lanes are grouped, numbers reach ten digits, notes are many. */
    @Test
    void sameTextOnManyInterleavedConnections(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("loopback.pcap");
        LoopbackTrafficGenerator.write(file, 10_000, 1);
        CaptureAnalysis analysis = CaptureAnalysis.of(CaptureFiles.read(file).frames());
        assertTrue(analysis.conversations().tcpStreamCount() > 100, "streams: " + analysis.conversations().tcpStreamCount());
        assertSameText(analysis, index -> false, false);   // grouped only: hundreds of lanes make lines of kilobytes
    }

    private static void assertSameText(CaptureAnalysis analysis, IntPredicate lost, boolean ungrouped) {
        CaptureLadder fromColumns = CaptureLadder.of(analysis, TcpStates.of(analysis, lost.negate()), lost);
        Ladder arrows = slantedAs(CaptureLadder.build(analysis, TcpStates.of(analysis, lost.negate()), lost), fromColumns);
        if (ungrouped) {
            assertEquals(LadderTextRenderer.render(arrows), LadderTextRenderer.render(fromColumns));
        }
        for (int maxLanes : new int[] {2, 3, 8}) {
            assertEquals(LadderTextRenderer.render(GroupedLadder.of(arrows, maxLanes)),
                    LadderTextRenderer.render(GroupedLadder.of(fromColumns, maxLanes)), "lanes: " + maxLanes);
        }
        ConversationIndex index = analysis.conversations();
        if (index.tcpStreamCount() > 0) {
            int stream = index.tcpStreamCount() / 2;
            FocusedLadder focused = FocusedLadder.conversation(fromColumns, analysis, index.tcpConversation(stream));
            Ladder focusedArrows = slantedAs(new LadderModel(focused.lanes(),
                    java.util.stream.IntStream.range(0, focused.size()).mapToObj(focused::arrow).toList()), focused);
            assertEquals(LadderTextRenderer.render(focusedArrows), LadderTextRenderer.render(focused));
            assertEquals(LadderTextRenderer.render(GroupedLadder.of(focusedArrows, 2)),
                    LadderTextRenderer.render(GroupedLadder.of(focused, 2)));
        }
    }

    /**
     * The arrows made one by one, with the rows where {@code ladder} says each is taken (FINs that crossed
     * slant over the rows until then): arrows alone do not carry them.
     */
    private static Ladder slantedAs(LadderModel arrows, Ladder ladder) {
        return new Ladder() {
            @Override
            public List<Lane> lanes() {
                return arrows.lanes();
            }

            @Override
            public int size() {
                return arrows.size();
            }

            @Override
            public Arrow arrow(int index) {
                return arrows.arrow(index);
            }

            @Override
            public int[] stateChangeArrows() {
                return arrows.stateChangeArrows();
            }

            @Override
            public int arrivalIndex(int index) {
                return ladder.arrivalIndex(index);
            }

            @Override
            public int[] slantedArrows() {
                return ladder.slantedArrows();
            }
        };
    }
}

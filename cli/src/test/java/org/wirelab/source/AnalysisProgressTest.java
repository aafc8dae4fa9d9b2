package org.wirelab.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wirelab.bench.LoopbackTrafficGenerator;
import org.wirelab.core.frame.FrameStore;
import org.wirelab.core.frame.LinkType;

/**
 * A long capture's analysis says how far each of its passes has gone, not only which one runs: on a
 * million frames each pass takes seconds, and a status line that stays still that long looks stuck.
 * And a person who cancels while it runs stops it.
 */
class AnalysisProgressTest {
    /** Several strides of every pass (PassProgress.STRIDE frames), generated in a fraction of a second. */
    private static final int FRAMES = 50_000;

    private static FrameStore generated() throws Exception {
        FrameStore frames = new FrameStore();
        new LoopbackTrafficGenerator(3).generate(FRAMES,
                (time, bytes) -> frames.append(time, LinkType.ETHERNET, bytes, 0, bytes.length, bytes.length));
        return frames;
    }

    @Test
    void eachPassTellsHowFarItHasGoneInOrder() throws Exception {
        Map<AnalysisStep, List<Double>> heard = new EnumMap<>(AnalysisStep.class);
        List<AnalysisStep> order = new ArrayList<>();
        Capture capture = new Capture("generated", generated(), List.of(), true, new BitSet(), (step, fraction) -> {
            if (!heard.containsKey(step)) {
                order.add(step);
            }
            heard.computeIfAbsent(step, s -> new ArrayList<>()).add(fraction);
        });

        assertEquals(FRAMES, capture.size());
        assertEquals(List.of(AnalysisStep.values()), order, "every pass, in its order");
        for (AnalysisStep step : AnalysisStep.values()) {
            List<Double> fractions = heard.get(step);
            assertEquals(0.0, fractions.get(0), step + " says it starts: " + fractions);
            for (int i = 1; i < fractions.size(); i++) {
                assertTrue(fractions.get(i) >= fractions.get(i - 1) && fractions.get(i) < 1,
                        step + " moves forward and is never done before its end: " + fractions);
            }
            if (step != AnalysisStep.FIELDS) {   // the catalog only takes what the passes before made
                assertTrue(fractions.stream().distinct().count() >= 4,
                        step + " moves within its pass, not only at its start: " + fractions);
            }
        }
    }

    @Test
    void aProgressThatThrowsStopsTheAnalysis() throws Exception {
        FrameStore frames = generated();
        List<AnalysisStep> reached = new ArrayList<>();
        RuntimeException stop = new RuntimeException("stop");

        RuntimeException thrown = assertThrows(RuntimeException.class, () -> new Capture("generated", frames,
                List.of(), true, new BitSet(), (step, fraction) -> {
                    reached.add(step);
                    if (step == AnalysisStep.TCP_STATES && fraction > 0) {
                        throw stop;
                    }
                }));

        assertEquals(stop, thrown);
        assertEquals(AnalysisStep.TCP_STATES, reached.get(reached.size() - 1), "nothing after the stop: " + reached);
    }

    @Test
    void cancellingWhileTheWholeFileIsAnalysedStopsTheAnalysisAndKeepsTheFirstScreen(@TempDir Path directory)
            throws Exception {
        Path file = directory.resolve("generated.pcap");
        LoopbackTrafficGenerator.write(file, FRAMES, 3);
        List<AnalysisStep> told = new ArrayList<>();
        Capture[] ended = new Capture[1];
        String[] error = {"not finished"};
        SourceRun[] run = new SourceRun[1];
        SourceRun.Listener listener = new SourceRun.Listener() {
            @Override
            public void analysing(AnalysisStep step, double fraction) {
                told.add(step);
                if (step == AnalysisStep.TCP_SEQUENCES) {
                    run[0].cancel();   // the person presses Cancel while the whole file is analysed
                }
            }

            @Override
            public void finished(Capture capture, String reason) {
                ended[0] = capture;
                error[0] = reason;
            }
        };
        // The UI's executor runs the listener at once, on the analysing thread: the cancel comes at a known step.
        run[0] = new SourceRun(new FileSource(file, 100, Locale.ENGLISH), Runnable::run, listener);
        run[0].start();
        run[0].join();

        assertNull(error[0], "a cancel is no error");
        assertEquals(AnalysisStep.TCP_SEQUENCES, told.get(told.size() - 1), "no pass after the cancel: " + told);
        assertEquals(100, ended[0].size(), "the capture shown before (the first screen) stays");
    }
}

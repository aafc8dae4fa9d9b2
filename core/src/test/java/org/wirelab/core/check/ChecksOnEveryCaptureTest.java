package org.wirelab.core.check;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.wirelab.core.analysis.CaptureAnalysis;
import org.wirelab.core.pcap.CaptureFiles;
import org.wirelab.core.quiz.Quiz;
import org.wirelab.core.quiz.QuizBuilder;
import org.wirelab.core.quiz.QuizPage;
import org.wirelab.core.testing.Corpus;
import org.wirelab.core.testing.Environment;

/**
 * The checks and the quiz on every sample and corpus capture (damaged ones too): whatever a student
 * hands in, they say something and never throw.
 */
class ChecksOnEveryCaptureTest {

    @Test
    void everyStepAndAQuizOnEveryCaptureNeverThrow() throws Exception {
        List<Path> captures = new ArrayList<>(Environment.sampleFiles());
        captures.addAll(Corpus.captures());
        for (Path capture : captures) {
            CaptureAnalysis analysis;
            try {
                analysis = CaptureAnalysis.of(CaptureFiles.read(capture).frames());
            } catch (java.io.IOException unreadable) {
                continue;   // a file the reader refuses is the command's one-line error, not the checks' concern
            }
            for (LabStep step : LabStep.values()) {
                for (int port : new int[] {step.defaultPort(), 80, 53}) {
                    CheckReport report = LabChecks.run(analysis, step, port, Locale.FRENCH);
                    assertFalse(report.checks().isEmpty(), capture + " " + step);
                    LabChecks.text(report, Locale.ENGLISH);
                }
            }
            Quiz quiz = QuizBuilder.build(analysis, capture.getFileName().toString(), Locale.ENGLISH, 3);
            QuizPage.html(quiz);
        }
    }
}

package org.wirelab.exercise;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.wirelab.core.analysis.CaptureAnalysis;
import org.wirelab.core.check.CheckReport;
import org.wirelab.core.check.LabChecks;
import org.wirelab.core.frame.FrameStore;
import org.wirelab.core.pcap.CaptureFiles;
import org.wirelab.core.quiz.Question;
import org.wirelab.core.quiz.Quiz;
import org.wirelab.core.quiz.QuizBuilder;
import org.wirelab.core.scenario.Scenarios;
import org.wirelab.simulator.Simulation;
import org.wirelab.simulator.SimulationOptions;
import org.wirelab.simulator.SimulatedScenarios;
import org.wirelab.simulator.net.Fault;
import org.wirelab.simulator.net.LinkConfig;

/**
 * Runs an exercise: gets its capture (simulating its scenario over its link, or reading its file),
 * checks the lab step, and makes the quiz (questions on the capture, then the teacher's own).
 */
public final class ExerciseRunner {
    private ExerciseRunner() {
    }

    /** What running an exercise gave: its capture, the checks, and the quiz. */
    public record Run(Exercise exercise, Path capture, FrameStore frames, CheckReport report, Quiz quiz) {
        /** Whether the checks came out as the exercise says they should (passed, or failed on purpose). */
        public boolean asExpected() {
            return report.passed() == exercise.checks().shouldPass();
        }
    }

    /** Runs {@code exercise}; a simulated capture is written into {@code directory}. */
    public static Run run(Exercise exercise, Path directory, Locale language) throws IOException {
        Path capture = exercise.source() instanceof Exercise.Simulated simulated
                ? simulate(simulated, directory.resolve(baseName(exercise) + ".pcap"))
                : ((Exercise.Recorded) exercise.source()).capture();
        FrameStore frames = CaptureFiles.read(capture).frames();
        CaptureAnalysis analysis = CaptureAnalysis.of(frames);
        CheckReport report = LabChecks.run(analysis, exercise.checks().step(), exercise.checks().port(), language);
        Quiz generated = QuizBuilder.build(analysis, capture.getFileName().toString(), language, exercise.quizSeed());
        List<Question> questions = new ArrayList<>(generated.questions());
        for (Exercise.Question q : exercise.questions()) {
            questions.add(new Question("q" + (questions.size() + 1) + "-teacher", Question.Kind.TEXT, q.ask().in(language),
                    q.answer().toLowerCase(Locale.ROOT).replaceAll("\\s+", " "), List.of(), q.explanation().in(language),
                    List.of()));
        }
        return new Run(exercise, capture, frames, report, new Quiz(generated.source(), generated.language(), questions));
    }

    /** The exercise file's name without its extension: "udp-step" for udp-step.json. */
    public static String baseName(Exercise exercise) {
        String name = exercise.file().getFileName().toString();
        return name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
    }

    private static Path simulate(Exercise.Simulated simulated, Path out) throws IOException {
        Files.createDirectories(out.toAbsolutePath().getParent());
        SimulatedScenarios.Setup setup = SimulatedScenarios.named(simulated.scenario(), Scenarios.Parameters.DEFAULTS);
        SimulationOptions base = SimulationOptions.defaults().withSeed(simulated.seed());
        LinkConfig link = base.link().withLoss(simulated.loss());
        if (simulated.delay() != null) {
            link = link.withDelay(simulated.delay());
        }
        List<Fault> faults = new ArrayList<>();
        for (int frame : simulated.droppedFrames()) {
            faults.add(new Fault.DropFrame(frame));
        }
        SimulationOptions options = setup.options(base.withLink(link).withFaults(faults), simulated.delay() != null);
        // A run whose steps failed (a reply lost on purpose) is still the exercise's capture.
        Simulation.runToPcap(setup.scenario(), options, out);
        return out;
    }
}

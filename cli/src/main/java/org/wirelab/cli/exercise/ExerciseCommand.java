package org.wirelab.cli.exercise;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.wirelab.cli.LadderPrinter;
import org.wirelab.cli.LanguageConverter;
import org.wirelab.cli.UserError;
import org.wirelab.core.check.LabChecks;
import org.wirelab.core.pcap.AtomicFile;
import org.wirelab.core.quiz.QuizPage;
import org.wirelab.core.text.Sentences;
import org.wirelab.exercise.Exercise;
import org.wirelab.exercise.ExerciseFile;
import org.wirelab.exercise.ExerciseFormatException;
import org.wirelab.exercise.ExerciseRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code wirelab exercise FILE}: runs a teacher's exercise file: the instructions, the exchange (simulated
 * or read), its ladder, the checks of the lab step, the questions and the hints; with {@code --out DIR},
 * the capture and the quiz page too.
 */
@Command(name = "exercise", mixinStandardHelpOptions = true,
        description = {"Runs a lab exercise written by a teacher (a JSON file: samples/exercises/README.md): prints its",
            "instructions, the exchange's ladder, the checks of the lab step, the questions and the hints.",
            "Exit 0 when the checks come out as the exercise says (passed, or failed on purpose), 1 otherwise,",
            "2 when the exercise file is broken (the message names the line)."},
        footerHeading = "%nExamples:%n",
        footer = {"  wirelab exercise samples/exercises/udp-step.json",
            "  wirelab exercise samples/exercises/tcp-recovers.json --lang fr --out td/"})
public final class ExerciseCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "the exercise file (.json)")
    private Path file;

    @Option(names = "--lang", paramLabel = "LANG", defaultValue = "en", converter = LanguageConverter.class,
            description = "language: en or fr (default: ${DEFAULT-VALUE})")
    private Locale language;

    @Option(names = "--out", paramLabel = "DIR",
            description = "write the capture (NAME.pcap) and the quiz page (NAME-quiz.html) into this directory")
    private Path out;

    @Option(names = "--answers", description = "print the expected answers of the questions (for the teacher)")
    private boolean answers;

    @Override
    public Integer call() throws IOException {
        Exercise exercise;
        try {
            exercise = ExerciseFile.read(file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new ParameterException(spec.commandLine(), "no such file: " + file);
        } catch (ExerciseFormatException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        Path directory = out != null ? out : Files.createTempDirectory("wirelab-exercise");
        ExerciseRunner.Run run;
        try {
            run = ExerciseRunner.run(exercise, directory, language);
        } catch (IOException e) {
            throw new UserError("cannot run " + file + ": " + e.getMessage());
        }
        Sentences words = Sentences.of("org.wirelab.cli.exercise.ExerciseWords", language);
        PrintWriter stdout = spec.commandLine().getOut();
        String title = exercise.title().in(language);
        stdout.println(title);
        stdout.println("=".repeat(Math.min(78, title.length())));
        stdout.println(exercise.instructions().in(language));
        stdout.println();
        stdout.println(source(exercise, run, words));
        stdout.println();
        LadderPrinter.print(run.frames(), stdout);
        stdout.println();
        stdout.print(LabChecks.text(run.report(), language));
        stdout.println(words.format(exercise.checks().shouldPass()
                ? (run.asExpected() ? "outcome.pass.expected" : "outcome.pass.unexpected")
                : (run.asExpected() ? "outcome.fail.expected" : "outcome.fail.unexpected")));
        if (!exercise.questions().isEmpty()) {
            stdout.println();
            stdout.println(words.format("questions"));
            int n = 1;
            for (Exercise.Question question : exercise.questions()) {
                stdout.println("  " + n++ + ". " + question.ask().in(language)
                        + (answers ? "  " + words.format("answer", question.answer()) : ""));
            }
        }
        if (!exercise.hints().isEmpty()) {
            stdout.println();
            stdout.println(words.format("hints"));
            for (Exercise.Texts hint : exercise.hints()) {
                stdout.println("  - " + hint.in(language));
            }
        }
        if (out != null) {
            Path page = out.resolve(ExerciseRunner.baseName(exercise) + "-quiz.html");
            byte[] html = QuizPage.html(run.quiz()).getBytes(StandardCharsets.UTF_8);
            AtomicFile.write(page, stream -> stream.write(html));
            stdout.println();
            stdout.println(words.format("written", run.capture(), page));
        }
        stdout.flush();
        return run.asExpected() ? 0 : 1;
    }

    private static String source(Exercise exercise, ExerciseRunner.Run run, Sentences words) {
        if (exercise.source() instanceof Exercise.Simulated s) {
            return words.format("source.simulated", s.scenario(), s.seed(),
                    s.delay() == null ? words.format("link.default") : decimal(s.delay().toNanos() / 1e6) + " ms",
                    decimal(s.loss() * 100) + (words.locale().equals(Locale.FRENCH) ? " %" : "%"),
                    s.droppedFrames().isEmpty() ? "-" : String.join(", ", s.droppedFrames().stream().map(String::valueOf).toList()));
        }
        return words.format("source.capture", run.capture());
    }

    /** 20 rather than 20.0, 2.5 as it is. */
    private static String decimal(double value) {
        return new java.math.BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
    }
}

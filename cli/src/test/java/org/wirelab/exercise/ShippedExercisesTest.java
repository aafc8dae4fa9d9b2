package org.wirelab.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wirelab.cli.CliRun;
import org.wirelab.core.testing.Environment;

/** Every exercise of samples/exercises runs end to end, in both languages, and comes out as it says. */
class ShippedExercisesTest {
    @TempDir
    Path dir;

    static List<Path> exercises() throws IOException {
        try (Stream<Path> files = Files.list(Environment.samples().resolve("exercises"))) {
            return files.filter(f -> f.toString().endsWith(".json") && !f.toString().endsWith(".schema.json")).sorted().toList();
        }
    }

    @ParameterizedTest
    @MethodSource("exercises")
    void runsAsItSaysInEnglishAndFrench(Path exercise) throws IOException {
        Exercise read = assertReads(exercise);
        for (String language : List.of("en", "fr")) {
            Path out = dir.resolve(language);
            CliRun run = CliRun.of("exercise", exercise.toString(), "--lang", language, "--out", out.toString());
            assertEquals(0, run.exitCode(), run.out() + run.err());
            assertTrue(run.out().startsWith(read.title().in(java.util.Locale.forLanguageTag(language)) + "\n"), run.out());
            assertTrue(run.out().contains(language.equals("fr") ? "Comme prévu : " : "As expected: "), run.out());
            String name = exercise.getFileName().toString().replace(".json", "");
            assertTrue(Files.size(out.resolve(name + ".pcap")) > 24, "the simulated capture is written");
            String page = Files.readString(out.resolve(name + "-quiz.html"));
            for (Exercise.Question question : read.questions()) {
                String ask = org.wirelab.core.text.Html.escape(question.ask().in(java.util.Locale.forLanguageTag(language)));
                assertTrue(page.contains(ask), "the teacher's question is in the quiz page: " + ask);
            }
        }
    }

    private static Exercise assertReads(Path exercise) throws IOException {
        try {
            return ExerciseFile.read(exercise);
        } catch (ExerciseFormatException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }
}

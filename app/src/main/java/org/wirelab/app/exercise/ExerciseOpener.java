package org.wirelab.app.exercise;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.wirelab.app.checks.ChecksViewModel;
import org.wirelab.app.i18n.Messages;
import org.wirelab.exercise.Exercise;
import org.wirelab.exercise.ExerciseFile;
import org.wirelab.exercise.ExerciseFormatException;
import org.wirelab.exercise.ExerciseRunner;

/**
 * File › Open exercise: reads the exercise file, makes its capture (simulated off the UI thread), then
 * opens it with the exercise's step in the Checks pane and hands over the exercise's text to show.
 * A broken file is one message naming the line.
 */
public final class ExerciseOpener {
    private final Messages messages;
    private final ChecksViewModel checks;
    private final Executor uiThread;

    public ExerciseOpener(Messages messages, ChecksViewModel checks, Executor uiThread) {
        this.messages = messages;
        this.checks = checks;
        this.uiThread = uiThread;
    }

    /** What the window does with a run exercise: open its capture, show its text; or show an error. */
    public interface Window {
        void openCapture(Path capture);

        void showExercise(String title, String text);

        void showError(String message);
    }

    /** Runs {@code file}'s exercise; the returned future completes once the window was told. */
    public CompletableFuture<Void> open(Path file, Window window) {
        Exercise exercise;
        try {
            exercise = ExerciseFile.read(file);
        } catch (ExerciseFormatException e) {
            window.showError(e.getMessage());
            return CompletableFuture.completedFuture(null);
        } catch (IOException e) {
            window.showError(messages.get("exercise.unreadable", file, e.getMessage()));
            return CompletableFuture.completedFuture(null);
        }
        return CompletableFuture.supplyAsync(() -> {
            try {
                Path directory = Files.createTempDirectory("wirelab-exercise");
                directory.toFile().deleteOnExit();
                ExerciseRunner.Run run = ExerciseRunner.run(exercise, directory, messages.locale());
                // The capture stays open until the app ends (File > Save keeps a copy); then it goes, before its directory.
                try (var written = Files.list(directory)) {
                    written.forEach(path -> path.toFile().deleteOnExit());
                }
                return run;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).handleAsync((run, failure) -> {
            if (failure != null) {
                window.showError(messages.get("exercise.failed", file, failure.getCause() == null ? failure : failure.getCause()));
                return null;
            }
            checks.checkNext(exercise.checks().step(), exercise.checks().port());
            window.openCapture(run.capture());
            window.showExercise(exercise.title().in(messages.locale()), text(exercise));
            return null;
        }, uiThread);
    }

    /** The instructions, the questions and the hints, as the student reads them. */
    String text(Exercise exercise) {
        StringBuilder text = new StringBuilder(exercise.instructions().in(messages.locale())).append("\n");
        if (!exercise.questions().isEmpty()) {
            text.append("\n").append(messages.get("exercise.questions")).append("\n");
            int n = 1;
            for (Exercise.Question question : exercise.questions()) {
                text.append("  ").append(n++).append(". ").append(question.ask().in(messages.locale())).append("\n");
            }
        }
        if (!exercise.hints().isEmpty()) {
            text.append("\n").append(messages.get("exercise.hints")).append("\n");
            for (Exercise.Texts hint : exercise.hints()) {
                text.append("  - ").append(hint.in(messages.locale())).append("\n");
            }
        }
        return text.toString();
    }
}

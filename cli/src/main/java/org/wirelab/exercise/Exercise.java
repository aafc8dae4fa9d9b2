package org.wirelab.exercise;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.wirelab.core.check.LabStep;

/**
 * A lab exercise as a teacher writes it (samples/exercises/README.md): what to run or read, the checks
 * to make and the outcome they should have, questions with their answers, and hints, in English and
 * French. Read from a file by {@link ExerciseFile}; run by {@link ExerciseRunner}.
 */
public record Exercise(Path file, Texts title, Texts instructions, Source source, Checks checks, long quizSeed,
        List<Question> questions, List<Texts> hints) {

    public Exercise {
        questions = List.copyOf(questions);
        hints = List.copyOf(hints);
    }

    /** A text in English and in French. */
    public record Texts(String english, String french) {
        public String in(Locale language) {
            return Locale.FRENCH.getLanguage().equals(language.getLanguage()) ? french : english;
        }
    }

    /** Where the exercise's traffic comes from. */
    public sealed interface Source permits Simulated, Recorded {
    }

    /** A scenario run in the simulator over the link described (the same seed gives the same capture). */
    public record Simulated(String scenario, Duration delay, double loss, long seed, List<Integer> droppedFrames)
            implements Source {
        public Simulated {
            droppedFrames = List.copyOf(droppedFrames);
        }
    }

    /** A capture file, named relative to the exercise file. */
    public record Recorded(Path capture) implements Source {
    }

    /** The lab step to check, its server's port, and whether the step should pass (false: it shows a failure). */
    public record Checks(LabStep step, int port, boolean shouldPass) {
    }

    /** A question of the teacher's with its expected answer (compared ignoring case and surrounding spaces). */
    public record Question(Texts ask, String answer, Texts explanation) {
    }
}

package org.wirelab.exercise;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.wirelab.cli.TypedDuration;
import org.wirelab.cli.TypedRate;
import org.wirelab.core.check.LabStep;
import org.wirelab.exercise.Exercise.Texts;
import org.wirelab.simulator.SimulatedScenarios;

/**
 * Reads an exercise file (JSON; the format is described in samples/exercises/README.md and
 * samples/exercises/exercise.schema.json). Every mistake is one {@link ExerciseFormatException} naming
 * the line: bad JSON, an unknown or missing key, a value of the wrong kind, an unknown scenario or step.
 */
public final class ExerciseFile {
    /** The format version this reader knows. */
    public static final int VERSION = 1;
    static final Set<String> TOP_KEYS = Set.of("wirelab-exercise", "title", "instructions", "scenario", "link",
            "capture", "check", "quiz-seed", "questions", "hints");
    private static final Set<String> LINK_KEYS = Set.of("delay", "loss", "seed", "drop-frames");
    private static final Set<String> CHECK_KEYS = Set.of("lab", "port", "expect");
    private static final Set<String> QUESTION_KEYS = Set.of("ask", "answer", "explanation");

    private final Path file;

    private ExerciseFile(Path file) {
        this.file = file;
    }

    public static Exercise read(Path file) throws IOException, ExerciseFormatException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        LocatedJson root;
        try {
            root = LocatedJson.parse(text);
        } catch (LocatedJson.SyntaxError e) {
            throw new ExerciseFormatException(file, e.line, e.getMessage());
        }
        return new ExerciseFile(file).exercise(root);
    }

    private Exercise exercise(LocatedJson root) throws ExerciseFormatException {
        LocatedJson.Members top = object(root, "the exercise", TOP_KEYS);
        LocatedJson version = required(top, "wirelab-exercise");
        if (!(version instanceof LocatedJson.Num n) || !n.integral() || n.value().intValue() != VERSION) {
            throw error(version, "\"wirelab-exercise\" is the format's version: " + VERSION);
        }
        Texts title = texts(required(top, "title"), "title");
        Texts instructions = texts(required(top, "instructions"), "instructions");
        Exercise.Source source = source(top);
        Exercise.Checks checks = checks(required(top, "check"));
        long quizSeed = top.members().containsKey("quiz-seed") ? integer(top.members().get("quiz-seed"), "quiz-seed", 0, Long.MAX_VALUE) : 1;
        List<Exercise.Question> questions = new ArrayList<>();
        if (top.members().containsKey("questions")) {
            for (LocatedJson item : array(top.members().get("questions"), "questions").items()) {
                questions.add(question(item));
            }
        }
        List<Texts> hints = new ArrayList<>();
        if (top.members().containsKey("hints")) {
            for (LocatedJson item : array(top.members().get("hints"), "hints").items()) {
                hints.add(texts(item, "a hint"));
            }
        }
        return new Exercise(file, title, instructions, source, checks, quizSeed, questions, hints);
    }

    private Exercise.Source source(LocatedJson.Members top) throws ExerciseFormatException {
        boolean scenario = top.members().containsKey("scenario");
        boolean capture = top.members().containsKey("capture");
        if (scenario == capture) {
            throw new ExerciseFormatException(file, top.line(),
                    "an exercise names either a \"scenario\" (run in the simulator) or a \"capture\" (a file), " + (scenario ? "not both" : "one of them"));
        }
        if (capture) {
            if (top.members().containsKey("link")) {
                throw error(top.members().get("link"), "\"link\" goes with \"scenario\": a capture file was made over its own link");
            }
            String name = text(top.members().get("capture"), "capture");
            Path resolved = file.toAbsolutePath().getParent().resolve(name).normalize();
            if (!Files.isRegularFile(resolved)) {
                throw error(top.members().get("capture"), "no capture file " + resolved);
            }
            return new Exercise.Recorded(resolved);
        }
        LocatedJson nameValue = top.members().get("scenario");
        String name = text(nameValue, "scenario");
        if (!SimulatedScenarios.names().contains(name)) {
            throw error(nameValue, "unknown scenario \"" + name + "\": one of " + String.join(", ", SimulatedScenarios.names()));
        }
        Duration delay = null;
        double loss = 0;
        long seed = 1;
        List<Integer> dropped = new ArrayList<>();
        if (top.members().containsKey("link")) {
            LocatedJson.Members link = object(top.members().get("link"), "\"link\"", LINK_KEYS);
            if (link.members().containsKey("delay")) {
                delay = delay(link.members().get("delay"));
            }
            if (link.members().containsKey("loss")) {
                loss = percent(link.members().get("loss"));
            }
            if (link.members().containsKey("seed")) {
                seed = integer(link.members().get("seed"), "seed", 0, Long.MAX_VALUE);
            }
            if (link.members().containsKey("drop-frames")) {
                for (LocatedJson frame : array(link.members().get("drop-frames"), "drop-frames").items()) {
                    dropped.add((int) integer(frame, "a frame to drop", 1, 1_000_000));
                }
            }
        }
        return new Exercise.Simulated(name, delay, loss, seed, dropped);
    }

    private Exercise.Checks checks(LocatedJson value) throws ExerciseFormatException {
        LocatedJson.Members check = object(value, "\"check\"", CHECK_KEYS);
        LocatedJson labValue = required(check, "lab");
        LabStep step;
        try {
            step = LabStep.of(text(labValue, "lab"));
        } catch (IllegalArgumentException e) {
            throw error(labValue, e.getMessage());
        }
        int port = check.members().containsKey("port") ? (int) integer(check.members().get("port"), "port", 1, 65_535)
                : step.defaultPort();
        boolean shouldPass = true;
        if (check.members().containsKey("expect")) {
            LocatedJson expect = check.members().get("expect");
            String outcome = text(expect, "expect");
            if (!outcome.equals("pass") && !outcome.equals("fail")) {
                throw error(expect, "\"expect\" is \"pass\" (the step is done right) or \"fail\" (the run shows a failure to explain)");
            }
            shouldPass = outcome.equals("pass");
        }
        return new Exercise.Checks(step, port, shouldPass);
    }

    private Exercise.Question question(LocatedJson value) throws ExerciseFormatException {
        LocatedJson.Members q = object(value, "a question", QUESTION_KEYS);
        Texts ask = texts(required(q, "ask"), "ask");
        LocatedJson answerValue = required(q, "answer");
        String answer = answerValue instanceof LocatedJson.Num n ? n.value().toString() : text(answerValue, "answer");
        Texts explanation = q.members().containsKey("explanation") ? texts(q.members().get("explanation"), "explanation")
                : new Texts("", "");
        return new Exercise.Question(ask, answer.strip(), explanation);
    }

    /** {"en": "...", "fr": "..."}: both languages are required, a student reads one or the other. */
    private Texts texts(LocatedJson value, String what) throws ExerciseFormatException {
        LocatedJson.Members texts = object(value, "\"" + what + "\" (with \"en\" and \"fr\")", Set.of("en", "fr"));
        return new Texts(text(required(texts, "en"), what + " in English"), text(required(texts, "fr"), what + " in French"));
    }

    private LocatedJson.Members object(LocatedJson value, String what, Set<String> keys) throws ExerciseFormatException {
        if (!(value instanceof LocatedJson.Members members)) {
            throw error(value, what + " is an object { ... }");
        }
        for (var key : members.keyLines().entrySet()) {
            if (!keys.contains(key.getKey())) {
                throw new ExerciseFormatException(file, key.getValue(), "unknown key \"" + key.getKey() + "\" in " + what
                        + ": the keys are " + String.join(", ", keys.stream().sorted().toList()));
            }
        }
        return members;
    }

    private LocatedJson required(LocatedJson.Members object, String key) throws ExerciseFormatException {
        LocatedJson value = object.members().get(key);
        if (value == null) {
            throw new ExerciseFormatException(file, object.line(), "\"" + key + "\" is missing from the object that starts here");
        }
        return value;
    }

    private LocatedJson.Items array(LocatedJson value, String what) throws ExerciseFormatException {
        if (!(value instanceof LocatedJson.Items items)) {
            throw error(value, "\"" + what + "\" is a list [ ... ]");
        }
        return items;
    }

    private String text(LocatedJson value, String what) throws ExerciseFormatException {
        if (!(value instanceof LocatedJson.Text text) || text.value().isBlank()) {
            throw error(value, "\"" + what + "\" is a text in quotes, not empty");
        }
        return text.value();
    }

    private long integer(LocatedJson value, String what, long min, long max) throws ExerciseFormatException {
        if (!(value instanceof LocatedJson.Num n) || !n.integral() || n.value().longValue() < min || n.value().longValue() > max) {
            throw error(value, "\"" + what + "\" is a whole number from " + min + " to " + max);
        }
        return n.value().longValue();
    }

    /** "20ms", "1.5 ms", "2s", "500us": read as simulate reads --delay, with its unit written, at most an hour. */
    private Duration delay(LocatedJson value) throws ExerciseFormatException {
        Optional<Duration> delay = value instanceof LocatedJson.Text t ? TypedDuration.parse(t.value(), null)
                : Optional.empty();
        if (delay.isEmpty() || delay.get().compareTo(Duration.ofHours(1)) > 0) {
            throw error(value,
                    "\"delay\" is a duration in quotes, at most an hour: \"20ms\", \"1.5ms\", \"2s\" or \"500us\"");
        }
        return delay.get();
    }

    /** "10%" or "2.5%" (or 0.1), read as simulate reads --loss. */
    private double percent(LocatedJson value) throws ExerciseFormatException {
        OptionalDouble rate = value instanceof LocatedJson.Text t ? TypedRate.parse(t.value()) : OptionalDouble.empty();
        if (rate.isEmpty() || rate.getAsDouble() > 1) {
            throw error(value, "\"loss\" is a percentage in quotes, from \"0%\" to \"100%\"");
        }
        return rate.getAsDouble();
    }

    private ExerciseFormatException error(LocatedJson value, String message) {
        return new ExerciseFormatException(file, value.line(), message);
    }
}

package org.wirelab.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wirelab.core.check.LabStep;
import org.wirelab.core.testing.Environment;

/** Reading exercise files: the shipped ones, and broken ones whose error names the line. */
class ExerciseFileTest {
    @TempDir
    Path dir;

    private static final String GOOD = """
            {
              "wirelab-exercise": 1,
              "title": { "en": "UDP", "fr": "UDP" },
              "instructions": { "en": "Run it.", "fr": "Lancez-le." },
              "scenario": "udp-echo",
              "link": { "delay": "1.5ms", "loss": "10%", "seed": 4, "drop-frames": [2] },
              "check": { "lab": "udp", "expect": "fail" },
              "questions": [ { "ask": { "en": "Port?", "fr": "Port ?" }, "answer": 3000 } ]
            }
            """;

    private Path write(String text) throws IOException {
        return Files.writeString(dir.resolve("exercise.json"), text);
    }

    private ExerciseFormatException broken(String text) throws IOException {
        Path file = write(text);
        return assertThrows(ExerciseFormatException.class, () -> ExerciseFile.read(file));
    }

    @Test
    void aGoodFileIsReadWithItsLinkAndChecks() throws Exception {
        Exercise exercise = ExerciseFile.read(write(GOOD));
        Exercise.Simulated source = (Exercise.Simulated) exercise.source();
        assertEquals("udp-echo", source.scenario());
        assertEquals(1_500_000, source.delay().toNanos());
        assertEquals(0.1, source.loss(), 1e-9);
        assertEquals(java.util.List.of(2), source.droppedFrames());
        assertEquals(new Exercise.Checks(LabStep.UDP, 3000, false), exercise.checks());
        assertEquals("3000", exercise.questions().get(0).answer());
        assertEquals("Lancez-le.", exercise.instructions().in(java.util.Locale.FRENCH));
    }

    @Test
    void badJsonNamesItsLine() throws IOException {
        ExerciseFormatException e = broken(GOOD.replace("\"scenario\": \"udp-echo\",", "\"scenario\": \"udp-echo\""));
        assertEquals(6, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains("exercise.json:6: not valid JSON: Unexpected character"), e.getMessage());
    }

    @Test
    void anUnknownKeyNamesItsLineAndTheKeysThereAre() throws IOException {
        ExerciseFormatException e = broken(GOOD.replace("\"check\":", "\"chek\":"));
        assertEquals(7, e.line());
        assertTrue(e.getMessage().endsWith("unknown key \"chek\" in the exercise: the keys are capture, check, hints,"
                + " instructions, link, questions, quiz-seed, scenario, title, wirelab-exercise"), e.getMessage());
    }

    @Test
    void aWrongValueNamesItsLine() throws IOException {
        assertEquals(6, broken(GOOD.replace("\"1.5ms\"", "\"soon\"")).line());
        assertEquals(7, broken(GOOD.replace("\"lab\": \"udp\"", "\"lab\": \"icmp\"")).line());
        assertTrue(broken(GOOD.replace("\"lab\": \"udp\"", "\"lab\": \"icmp\"")).getMessage()
                .endsWith("'icmp' is not a step of the lab: udp, tcp or chat"));
        ExerciseFormatException scenario = broken(GOOD.replace("udp-echo", "udp-ping"));
        assertEquals(5, scenario.line());
        assertTrue(scenario.getMessage().contains("unknown scenario \"udp-ping\": one of tcp-hello, udp-echo"), scenario.getMessage());
        assertEquals(8, broken(GOOD.replace("\"answer\": 3000", "\"answer\": \"\"")).line());
        assertEquals(3, broken(GOOD.replace("{ \"en\": \"UDP\", \"fr\": \"UDP\" }", "\"UDP\"")).line());
    }

    @Test
    void theLinksDelayAndLossAreReadAsSimulateReadsThem() throws Exception {
        Exercise.Simulated spaced = (Exercise.Simulated) ExerciseFile.read(write(GOOD.replace("\"1.5ms\"", "\"1.5 ms\"")
                .replace("\"10%\"", "\"2.5 %\""))).source();
        assertEquals(1_500_000, spaced.delay().toNanos());
        assertEquals(0.025, spaced.loss(), 1e-9);
        Exercise.Simulated fraction = (Exercise.Simulated) ExerciseFile.read(write(GOOD.replace("\"1.5ms\"", "\"2m\"")
                .replace("\"10%\"", "\"0.1\""))).source();
        assertEquals(120, fraction.delay().toSeconds());
        assertEquals(0.1, fraction.loss(), 1e-9);
        // A delay without its unit, or above the hour simulate --delay allows; a loss above 100%.
        for (String delay : new String[] {"\"20\"", "\"2h\"", "\"-1ms\"", "20"}) {
            ExerciseFormatException e = broken(GOOD.replace("\"1.5ms\"", delay));
            assertTrue(e.getMessage().contains("\"delay\" is a duration in quotes, at most an hour"),
                    delay + ": " + e.getMessage());
        }
        for (String loss : new String[] {"\"150%\"", "\"2\"", "\"ten\"", "0.1"}) {
            ExerciseFormatException e = broken(GOOD.replace("\"10%\"", loss));
            assertTrue(e.getMessage().contains("\"loss\" is a percentage in quotes"), loss + ": " + e.getMessage());
        }
    }

    @Test
    void aMissingKeyNamesTheObjectThatLacksIt() throws IOException {
        ExerciseFormatException e = broken(GOOD.replace("\"fr\": \"Lancez-le.\"", "\"de\": \"Los\""));
        assertEquals(4, e.line());
        ExerciseFormatException none = broken(GOOD.replace("\"scenario\": \"udp-echo\",", ""));
        assertTrue(none.getMessage().contains("either a \"scenario\" (run in the simulator) or a \"capture\""), none.getMessage());
        assertEquals(1, none.line());
        assertEquals(1, broken("").line());
    }

    @Test
    void theCommandSaysWhatIsBrokenInOneLineNamingTheLineAndExitsTwo() throws IOException {
        Path file = write(GOOD.replace("\"seed\": 4", "\"seed\": -4"));
        org.wirelab.cli.CliRun run = org.wirelab.cli.CliRun.of("exercise", file.toString());
        assertEquals(2, run.exitCode());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith("wirelab exercise: " + file + ":6: \"seed\" is a whole number from 0 to "), run.err());
    }

    @Test
    void theSchemaDescribesTheKeysTheReaderKnows() throws IOException {
        String schema = Files.readString(Environment.samples().resolve("exercises/exercise.schema.json"));
        String properties = schema.substring(schema.indexOf("\"properties\": {"), schema.indexOf("\"$defs\""));
        Set<String> top = new TreeSet<>();
        Matcher key = Pattern.compile("\\n    \"([a-z-]+)\": \\{").matcher(properties);
        while (key.find()) {
            top.add(key.group(1));
        }
        assertEquals(new TreeSet<>(ExerciseFile.TOP_KEYS), top);
    }
}

package org.wirelab.core.quiz;

import java.util.List;

/**
 * One question about a capture, in the reader's language. {@code answer} is the expected answer in the
 * form the page compares: a number ({@link Kind#NUMBER}), a text in lower case with single spaces
 * ({@link Kind#TEXT}, a teacher's question), the key of one option ({@link Kind#CHOICE}),
 * option keys joined by commas in option order ({@link Kind#FLAGS}), or option keys in the right order
 * joined by commas ({@link Kind#ORDER}, whose options are shown shuffled). {@code explanation} is shown
 * once the answer is checked; {@code frames} are the frames (from 1) the question is about.
 */
public record Question(String id, Kind kind, String prompt, String answer, List<Option> options, String explanation,
        List<Integer> frames) {

    /** How a question is answered. */
    public enum Kind { NUMBER, TEXT, CHOICE, FLAGS, ORDER }

    /** A choice, a flag or a segment to order: its key (what is compared) and what is shown. */
    public record Option(String key, String label) {
    }

    public Question {
        options = List.copyOf(options);
        frames = List.copyOf(frames);
    }
}

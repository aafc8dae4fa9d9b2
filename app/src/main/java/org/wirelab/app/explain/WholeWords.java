package org.wirelab.app.explain;

import java.util.regex.Pattern;

/**
 * Where an explanation may wrap: at its spaces only, never inside an address and port
 * ("127.0.0.1:51102") and never between a number and the word it counts ("14 octets", "200 ms").
 * A projected sentence cut as "127.0.0.1:5110 / 2)" reads as two numbers.
 */
final class WholeWords {
    /** A number, one space, then a word: the space becomes a no-break space. */
    private static final Pattern NUMBER_AND_WORD = Pattern.compile("(?<=\\d) (?=\\p{L})");
    private static final Pattern SPACES = Pattern.compile("[ \\t\\n\\r]+");

    private WholeWords() {
    }

    /** {@code sentence} with every number held to the word after it by a no-break space. */
    static String keepNumbersWithTheirWords(String sentence) {
        return NUMBER_AND_WORD.matcher(sentence).replaceAll("\u00A0");
    }

    /** The pieces of {@code text} a line must hold whole: what lies between its breakable spaces. */
    static String[] unbreakable(String text) {
        return SPACES.split(text.strip());
    }
}

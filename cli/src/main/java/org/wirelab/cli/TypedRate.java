package org.wirelab.cli;

import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A probability as people type it: a fraction ({@code 0.1}) or a percentage ({@code 10%}, {@code 2.5 %}), up
 * to six decimals. The one reader of {@code simulate --loss}, {@code --duplicate} and {@code --reorder} and
 * of an exercise's link loss; each says itself what it does with a rate above 1.
 */
public final class TypedRate {
    private static final Pattern RATE = Pattern.compile("(\\d{1,3}(?:\\.\\d{1,6})?)\\s*(%)?");

    private TypedRate() {
    }

    /** The probability {@code text} says (above 1 for "150%" or "2"), or empty if it says none. */
    public static OptionalDouble parse(String text) {
        Matcher matcher = RATE.matcher(text.strip());
        if (!matcher.matches()) {
            return OptionalDouble.empty();
        }
        double amount = Double.parseDouble(matcher.group(1));
        return OptionalDouble.of(matcher.group(2) == null ? amount : amount / 100);
    }
}

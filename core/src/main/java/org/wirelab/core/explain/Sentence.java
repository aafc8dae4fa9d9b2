package org.wirelab.core.explain;

import java.util.List;

/**
 * One sentence of an explanation before it is put into words: the key of its pattern in the
 * {@code Explanations} resource bundle and the facts it states, taken from the frame. Numbers are
 * given as text, so no locale groups the digits of a sequence number.
 */
public record Sentence(String key, List<Object> arguments) {

    public Sentence {
        arguments = List.copyOf(arguments);
    }

    public static Sentence of(String key, Object... arguments) {
        return new Sentence(key, List.of(arguments));
    }
}

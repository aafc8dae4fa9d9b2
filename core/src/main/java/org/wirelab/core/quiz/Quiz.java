package org.wirelab.core.quiz;

import java.util.List;
import java.util.Locale;

/** Questions on one capture, in one language; {@code source} names the capture (its file name). */
public record Quiz(String source, Locale language, List<Question> questions) {

    public Quiz {
        questions = List.copyOf(questions);
    }
}

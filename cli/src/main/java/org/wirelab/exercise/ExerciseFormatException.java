package org.wirelab.exercise;

import java.nio.file.Path;

/** A broken exercise file: the message names the file and the line, {@code exercise.json:12: ...}. */
public final class ExerciseFormatException extends Exception {
    private final int line;

    public ExerciseFormatException(Path file, int line, String message) {
        super(file + ":" + line + ": " + message, null, false, false);
        this.line = line;
    }

    public int line() {
        return line;
    }
}

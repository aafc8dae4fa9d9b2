package org.wirelab.core.pcap;

import java.io.IOException;

/**
 * The file is not a capture wirelab can read, or its header is damaged: the problem says what was
 * expected and what was found (the message in English, {@link #problem()} in any language). Damage
 * after a good header is not an exception but a warning beside the frames read before it (see
 * {@link CaptureReader#problems()}).
 */
public final class CaptureFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient ReadProblem problem;

    public CaptureFormatException(ReadProblem problem) {
        super(problem.toString());
        this.problem = problem;
    }

    public ReadProblem problem() {
        return problem;
    }
}

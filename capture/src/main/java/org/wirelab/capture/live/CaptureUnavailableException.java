package org.wirelab.capture.live;

/** Thrown when a live capture cannot start; {@link #problem()} says why and how to fix it. */
public final class CaptureUnavailableException extends Exception {
    private final transient CaptureProblem problem;

    public CaptureUnavailableException(CaptureProblem problem, Throwable cause) {
        super(problem.message(), cause);
        this.problem = problem;
    }

    public CaptureProblem problem() {
        return problem;
    }
}

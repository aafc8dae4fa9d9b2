package org.wirelab.source;

/**
 * Told, on the analysing thread, which pass of a {@link Capture}'s analysis runs and how far it has gone.
 * It may throw an unchecked exception to stop the analysis (the loading cancelled).
 */
@FunctionalInterface
public interface AnalysisProgress {
    AnalysisProgress NONE = (step, fraction) -> { };

    /** {@code step} runs and has made {@code fraction} (0 to 1) of its pass. */
    void reached(AnalysisStep step, double fraction);
}

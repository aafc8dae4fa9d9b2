package org.wirelab.core.scenario;

/**
 * A step whose outcome differs from the scenario's description: the runner logs its message as that
 * step's failure and the run stops there (see {@link StepRunner#performOrFail}). Thrown by both runners,
 * so a live and a simulated run of one scenario fail on the same terms.
 */
public final class StepFailed extends RuntimeException {
    public StepFailed(String message) {
        // No stack trace: this is a scenario's outcome, not a bug.
        super(message, null, false, false);
    }
}

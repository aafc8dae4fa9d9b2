package org.wirelab.cli;

/**
 * A problem with what the user asked for (a frame that does not exist, an unknown field name): its
 * message is shown as it is, on one line, and the command exits with {@link ErrorReporter#INPUT_ERROR}.
 */
public final class UserError extends RuntimeException {
    public UserError(String message) {
        super(message, null, false, false);
    }
}

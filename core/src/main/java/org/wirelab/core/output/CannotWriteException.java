package org.wirelab.core.output;

import java.io.IOException;

/**
 * An output file that cannot be written, with a message that says why in words a user can act on:
 * "directory nodir does not exist", "cannot write ro.svg: permission denied".
 */
public final class CannotWriteException extends IOException {
    public CannotWriteException(String message) {
        super(message);
    }

    public CannotWriteException(String message, Throwable cause) {
        super(message, cause);
    }
}

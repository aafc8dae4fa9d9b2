package org.wirelab.capture.lab;

import java.net.BindException;

/**
 * A server could not bind its address because another program already holds that port: the message
 * is one line that says which port and how to get out of it.
 */
public final class PortInUseException extends BindException {
    public PortInUseException(String message) {
        super(message);
    }
}

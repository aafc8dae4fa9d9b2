package org.wirelab.core.pcap;

import java.io.IOException;

/**
 * The file is not a capture wirelab can read, or its header is damaged: the message says what was
 * expected and what was found. Damage after a good header is not an exception but a warning beside
 * the frames read before it (see {@link CaptureReader#warnings()}).
 */
public final class CaptureFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    public CaptureFormatException(String message) {
        super(message);
    }
}

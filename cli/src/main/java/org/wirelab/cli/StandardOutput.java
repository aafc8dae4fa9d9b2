package org.wirelab.cli;

import java.io.BufferedWriter;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * The command line's standard output: text in UTF-8 whatever the locale (like tshark), buffered because
 * {@code packets} may print millions of lines, and its bytes reachable for output that is ASCII already
 * (a ladder diagram), which then skips the character encoder.
 */
final class StandardOutput extends PrintWriter {
    private final OutputStream bytes;

    StandardOutput(OutputStream bytes) {
        super(new BufferedWriter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8)));
        this.bytes = bytes;
    }

    /** The bytes underneath, after what was printed as text so far. */
    OutputStream bytes() {
        flush();
        return bytes;
    }
}

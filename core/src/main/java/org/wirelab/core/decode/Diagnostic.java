package org.wirelab.core.decode;

/**
 * Something a decoder noticed about the bytes, after Wireshark's expert info: where (a byte range in the
 * frame), how serious, and a message that says what was expected, e.g. "TCP header claims 60 bytes,
 * 20 captured".
 */
public record Diagnostic(Severity severity, ByteRange range, String message) {

    /** How much a diagnostic matters; {@link #ERROR} means decoding stopped or a value is wrong. */
    public enum Severity { NOTE, WARNING, ERROR }

    @Override
    public String toString() {
        return severity + " at " + range.offset() + ": " + message;
    }
}

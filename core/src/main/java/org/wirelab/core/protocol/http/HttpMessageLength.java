package org.wirelab.core.protocol.http;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Where an HTTP/1.x message ends (RFC 9112 section 6.3), read from its first bytes: after its headers and a
 * body of Content-Length bytes, or after the last chunk of a chunked body; a response without either
 * lasts until the server closes the connection. What packet-http.c asks TCP to reassemble.
 */
final class HttpMessageLength {
    /** The message goes on past the bytes read so far. */
    static final long INCOMPLETE = -1;
    /** The message ends when the sender closes (a response without a length). */
    static final long UNTIL_CLOSE = -2;

    private HttpMessageLength() {
    }

    /** The message's length in bytes if it is whole within {@code length} bytes, else a negative constant. */
    static long of(byte[] b, int length) {
        int headersEnd = headersEnd(b, length);
        if (headersEnd < 0) {
            return INCOMPLETE;
        }
        String headers = new String(b, 0, headersEnd, StandardCharsets.ISO_8859_1);
        String[] lines = headers.split("\r?\n");
        boolean response = lines[0].startsWith("HTTP/");
        if (response && hasNoBody(lines[0])) {
            return headersEnd;
        }
        long contentLength = -1;
        boolean chunked = false;
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = lines[i].substring(colon + 1).trim();
            if (name.equals("transfer-encoding") && value.toLowerCase(Locale.ROOT).contains("chunked")) {
                chunked = true;
            } else if (name.equals("content-length") && contentLength < 0) {
                contentLength = number(value);
            }
        }
        if (chunked) {
            return chunkedEnd(b, headersEnd, length);
        }
        if (contentLength >= 0) {
            return headersEnd + contentLength <= length ? headersEnd + contentLength : INCOMPLETE;
        }
        return response ? UNTIL_CLOSE : headersEnd;
    }

    /** The offset just after the blank line that ends the headers, or -1. */
    static int headersEnd(byte[] b, int length) {
        for (int i = 0; i + 1 < length; i++) {
            if (b[i] == '\n' && b[i + 1] == '\n') {
                return i + 2;
            }
            if (b[i] == '\n' && b[i + 1] == '\r' && i + 2 < length && b[i + 2] == '\n') {
                return i + 3;
            }
        }
        return -1;
    }

    /** 1xx, 204 and 304 responses have no body (RFC 9112 section 6.3). */
    static boolean hasNoBody(String statusLine) {
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2) {
            return false;
        }
        String code = parts[1];
        return code.startsWith("1") || code.equals("204") || code.equals("304");
    }

    /** The offset after a chunked body's last chunk and trailer (RFC 9112 section 7.1), or INCOMPLETE. */
    private static long chunkedEnd(byte[] b, int at, int length) {
        long p = at;
        while (true) {
            int lineEnd = lineEnd(b, (int) p, length);
            if (lineEnd < 0) {
                return INCOMPLETE;
            }
            String sizeText = new String(b, (int) p, lineEnd - (int) p, StandardCharsets.ISO_8859_1).trim();
            int extension = sizeText.indexOf(';');
            long size = hex(extension >= 0 ? sizeText.substring(0, extension).trim() : sizeText);
            if (size < 0) {
                return length; // not chunked after all: the body is what arrived
            }
            p = lineEnd;
            if (size == 0) {
                // The trailer's fields, up to a blank line.
                while (true) {
                    int end = lineEnd(b, (int) p, length);
                    if (end < 0) {
                        return INCOMPLETE;
                    }
                    boolean blank = end - p <= 2;
                    p = end;
                    if (blank) {
                        return p;
                    }
                }
            }
            p += size;
            int crlf = p < length ? lineEnd(b, (int) p, length) : -1;
            if (crlf < 0) {
                return INCOMPLETE;
            }
            p = crlf;
        }
    }

    private static int lineEnd(byte[] b, int from, int length) {
        for (int i = from; i < length; i++) {
            if (b[i] == '\n') {
                return i + 1;
            }
        }
        return -1;
    }

    private static long number(String text) {
        try {
            long value = Long.parseLong(text);
            return value >= 0 ? value : -1;
        } catch (NumberFormatException notANumber) {
            // packet-http.c ignores a Content-Length it cannot read.
            return -1;
        }
    }

    /** A chunk size in hexadecimal, or -1 when the text is not one. */
    static long hex(String text) {
        if (text.isEmpty() || text.length() > 15) {
            return -1;
        }
        try {
            return Long.parseLong(text, 16);
        } catch (NumberFormatException notHex) {
            // Not a chunk size: the caller stops reading chunks.
            return -1;
        }
    }
}

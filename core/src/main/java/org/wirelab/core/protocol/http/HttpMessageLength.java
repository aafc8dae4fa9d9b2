package org.wirelab.core.protocol.http;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * Where an HTTP/1.x message ends (RFC 9112 section 6.3), found as its bytes arrive: after its headers and a
 * body of Content-Length bytes, or after the last chunk of a chunked body and its trailer; a response
 * without either lasts until the server closes the connection. What packet-http.c asks TCP to reassemble.
 *
 * <p>Each byte is examined once, however many segments bring it ({@link #advance}): the headers are read
 * once, when their blank line arrives, and the body is counted (its length, or each chunk's size line, data
 * and line end) without being kept, so that a message of many segments costs work in proportion to its
 * length, not to its length times its segments.
 */
final class HttpMessageLength {
    /** The message goes on past the bytes read so far. */
    static final long INCOMPLETE = -1;
    /** The message ends when the sender closes (a response without a length). */
    static final long UNTIL_CLOSE = -2;
    /** Headers are kept until their blank line up to this size; beyond it the message is never whole. */
    static final int MAX_HEADERS = 1024 * 1024;
    /** A chunk's size line longer than this is not a size (a hex number and an extension are a few bytes). */
    private static final int MAX_SIZE_LINE = 1024;

    private enum State { HEADERS, CONTENT, UNTIL_CLOSE, CHUNK_SIZE, CHUNK_DATA, CHUNK_DATA_END, TRAILER, DONE }

    private State state = State.HEADERS;
    /** The bytes examined so far: the message's length up to now. */
    private long read;
    /** The headers, kept until their blank line. */
    private byte[] headers = new byte[256];
    private int headersEnd = -1;
    private boolean response;
    private long end = INCOMPLETE;
    /** The body's bytes still to come (Content-Length), or the current chunk's data. */
    private long left;
    /** The current chunk's size line, and the current trailer line's length. */
    private final StringBuilder sizeLine = new StringBuilder();
    private int trailerLine;
    /** A chunk size line that is not one: the message ends with the bytes that brought it. */
    private boolean notChunked;

    /** The message's length in bytes if it is whole within {@code length} bytes, else a negative constant. */
    static long of(byte[] b, int length) {
        HttpMessageLength message = new HttpMessageLength();
        message.advance(b, 0, length);
        return message.end();
    }

    /**
     * Reads the message's next {@code length} bytes, from {@code b} at {@code offset}, up to its end when they
     * reach it (the bytes after the end are another message's: not examined).
     */
    void advance(byte[] b, int offset, int length) {
        int i = offset;
        int stop = offset + length;
        while (i < stop && state != State.DONE) {
            i = switch (state) {
                case HEADERS -> headers(b, i, stop);
                case CONTENT, CHUNK_DATA -> counted(i, stop);
                case UNTIL_CLOSE -> {
                    read += stop - i;
                    yield stop;
                }
                case CHUNK_SIZE -> chunkSize(b, i, stop);
                case CHUNK_DATA_END -> chunkDataEnd(b, i, stop);
                case TRAILER -> trailer(b, i, stop);
                case DONE -> stop;
            };
        }
        if (notChunked && end == INCOMPLETE) {
            read += stop - i;
            end = read; // a chunk size that is not one: the body is what has arrived with it
        }
    }

    /** The message's length if its end has been read, else {@link #INCOMPLETE} or {@link #UNTIL_CLOSE}. */
    long end() {
        return state == State.UNTIL_CLOSE ? UNTIL_CLOSE : end;
    }

    /** The bytes examined so far (at most the message's length): the work done, in bytes. */
    long read() {
        return read;
    }

    /** The offset just after the blank line that ends the headers, or -1 before it arrives. */
    int headersEnd() {
        return headersEnd;
    }

    /** Whether the message is a response (its first line starts with "HTTP/"), once its headers are read. */
    boolean isResponse() {
        return response;
    }

    private int headers(byte[] b, int from, int stop) {
        int i = from;
        while (i < stop) {
            byte c = b[i++];
            int at = (int) read++;
            if (at < MAX_HEADERS) {
                if (at == headers.length) {
                    headers = Arrays.copyOf(headers, Math.min(MAX_HEADERS, headers.length * 2));
                }
                headers[at] = c;
            }
            // The blank line: "\n\n" or "\n\r\n", as packet-http.c finds it.
            if (c == '\n' && at >= 1 && at < MAX_HEADERS && (headers[at - 1] == '\n'
                    || headers[at - 1] == '\r' && at >= 2 && headers[at - 2] == '\n')) {
                headersEnd = at + 1;
                startBody();
                return i;
            }
        }
        return i;
    }

    /** What follows the headers, from the first line and the header fields, as RFC 9112 section 6.3 says. */
    private void startBody() {
        String text = new String(headers, 0, headersEnd, StandardCharsets.ISO_8859_1);
        headers = null; // read once: no longer needed
        // Line by line, each without its CR LF or LF (a loop rather than a regular expression: this runs
        // for every message of the capture).
        int firstEnd = text.indexOf('\n');
        String first = line(text, 0, firstEnd);
        response = first.startsWith("HTTP/");
        long contentLength = -1;
        boolean chunked = false;
        for (int start = firstEnd + 1; start < text.length(); ) {
            int newline = text.indexOf('\n', start);
            String line = line(text, start, newline);
            start = newline + 1;
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = line.substring(0, colon).trim();
            if (name.equalsIgnoreCase("transfer-encoding")
                    && line.substring(colon + 1).trim().toLowerCase(Locale.ROOT).contains("chunked")) {
                chunked = true;
            } else if (name.equalsIgnoreCase("content-length") && contentLength < 0) {
                contentLength = number(line.substring(colon + 1).trim());
            }
        }
        if (response && hasNoBody(first)) {
            finish(headersEnd);
        } else if (chunked) {
            state = State.CHUNK_SIZE;
        } else if (contentLength > 0) {
            left = contentLength;
            state = State.CONTENT;
        } else if (contentLength == 0) {
            finish(headersEnd);
        } else if (response) {
            state = State.UNTIL_CLOSE;
        } else {
            finish(headersEnd);
        }
    }

    /** The line of {@code text} from {@code start} to its LF at {@code newline}, without a CR before the LF. */
    private static String line(String text, int start, int newline) {
        int end = newline > start && text.charAt(newline - 1) == '\r' ? newline - 1 : newline;
        return text.substring(start, end);
    }

    private int chunkSize(byte[] b, int from, int stop) {
        for (int i = from; i < stop; i++) {
            read++;
            if (b[i] != '\n') {
                if (sizeLine.length() <= MAX_SIZE_LINE) {
                    sizeLine.append((char) (b[i] & 0xff));
                }
                continue;
            }
            String text = sizeLine.toString().trim();
            sizeLine.setLength(0);
            int extension = text.indexOf(';');
            long size = hex(extension >= 0 ? text.substring(0, extension).trim() : text);
            if (size < 0) {
                notChunked = true; // not chunked after all: the body is what has arrived (see advance)
                state = State.DONE;
            } else if (size == 0) {
                state = State.TRAILER;
                trailerLine = 0;
            } else {
                left = size;
                state = State.CHUNK_DATA;
            }
            return i + 1;
        }
        return stop;
    }

    /** Bytes counted without being read: a body of known length, or a chunk's data. */
    private int counted(int from, int stop) {
        int n = (int) Math.min(left, stop - from);
        left -= n;
        read += n;
        if (left == 0) {
            if (state == State.CONTENT) {
                finish(read);
            } else {
                state = State.CHUNK_DATA_END;
            }
        }
        return from + n;
    }

    /** After a chunk's data, up to the end of its line (CR LF, or whatever precedes the LF). */
    private int chunkDataEnd(byte[] b, int from, int stop) {
        for (int i = from; i < stop; i++) {
            read++;
            if (b[i] == '\n') {
                state = State.CHUNK_SIZE;
                return i + 1;
            }
        }
        return stop;
    }

    /** The trailer's fields after the last chunk, up to a blank line (RFC 9112 section 7.1.2). */
    private int trailer(byte[] b, int from, int stop) {
        for (int i = from; i < stop; i++) {
            read++;
            trailerLine++;
            if (b[i] == '\n') {
                if (trailerLine <= 2) {
                    finish(read);
                } else {
                    trailerLine = 0;
                }
                return i + 1;
            }
        }
        return stop;
    }

    private void finish(long at) {
        end = at;
        state = State.DONE;
    }

    /** The offset just after the blank line that ends the headers, or -1. */
    static int headersEnd(byte[] b, int length) {
        HttpMessageLength message = new HttpMessageLength();
        message.advance(b, 0, length);
        return message.headersEnd();
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

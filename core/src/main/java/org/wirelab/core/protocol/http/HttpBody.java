package org.wirelab.core.protocol.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import org.wirelab.core.decode.Field;
import org.wirelab.core.decode.Layer;
import org.wirelab.core.decode.LayerBuilder;
import org.wirelab.core.protocol.data.DataDecoder;
import org.wirelab.core.protocol.data.TextMedia;
import org.wirelab.core.text.CaptureText;

/**
 * An HTTP message's body as packet-http.c shows it: the chunks of a chunked body (RFC 9112 section 7.1),
 * each with its size, data and line end, joined, then its trailer; a gzip or deflate Content-Encoding
 * undone (java.util.zip, as Wireshark's zlib); then the result as {@code http.file_data}, whose value keeps the body's bytes for the
 * media decoder that reads them as text lines ({@code data-text-lines}).
 */
public final class HttpBody {
    /** Bodies are decompressed up to this size, as Wireshark bounds what it inflates. */
    private static final int MAX_INFLATED = 16 * 1024 * 1024;

    private final LayerBuilder layer;
    private final byte[] b;

    HttpBody(LayerBuilder layer) {
        this.layer = layer;
        this.b = layer.bytes();
    }

    /**
     * Adds the body's fields, from {@code at} to {@code end} (the captured bytes of the message's body):
     * chunked when {@code chunked}, decompressed when {@code contentEncoding} (lower case) is gzip or deflate.
     */
    void add(int at, int end, boolean chunked, String contentEncoding) {
        byte[] body;
        if (chunked) {
            ByteArrayOutputStream joined = new ByteArrayOutputStream();
            List<Field> chunks = chunks(at, end, joined);
            layer.add(layer.group(Http.CHUNKED, at, end - at, chunks));
            body = joined.toByteArray();
        } else {
            body = Arrays.copyOfRange(b, at, end);
        }
        if (contentEncoding.equals("gzip") || contentEncoding.equals("deflate")) {
            byte[] decoded = contentEncoding.equals("gzip") ? gunzip(body) : inflate(body);
            if (decoded != null) {
                layer.add(layer.group(Http.ENCODED_BODY, at, end - at, List.of(fileData(at, end, decoded)),
                        contentEncoding, Integer.toString(body.length), Integer.toString(decoded.length)));
                return;
            }
            layer.warning(at, end - at, "the body says " + contentEncoding + " but does not decompress");
        }
        if (body.length > 0) {
            layer.add(fileData(at, end, body));
        }
    }

    /** http.file_data: shown by its length, printed as tshark prints the body's text; its value, the bytes. */
    static Field fileData(LayerBuilder layer, int at, int end, byte[] body) {
        Field shown = layer.bytes(Http.FILE_DATA, at, end - at, Integer.toString(body.length));
        return new Field(shown.label(), shown.name(), shown.range(), 0, body, shown.display(), asciiText(body),
                false, List.of(), shown.wording());
    }

    /**
     * The body as tshark 4.0 prints http.file_data, a string read as ASCII: every byte above 0x7f is a
     * replacement character (U+FFFD, so a UTF-8 "▹" is three), controls escaped as all capture text is.
     */
    static String asciiText(byte[] body) {
        char[] text = new char[body.length];
        int length = 0;
        // A string field ends at its first NUL, as tshark prints it ("ab\0cd" is "ab").
        while (length < body.length && body[length] != 0) {
            text[length] = body[length] < 0 ? '\uFFFD' : (char) body[length];
            length++;
        }
        return CaptureText.escape(new String(text, 0, length));
    }

    private Field fileData(int at, int end, byte[] body) {
        return fileData(layer, at, end, body);
    }

    /**
     * The layer that shows {@code http}'s body after it, as Wireshark does: as text lines ({@link TextMedia})
     * when its Content-Type is one Wireshark reads so, as Data when it has none or is
     * application/octet-stream; null otherwise (Wireshark's media decoders wirelab does not have).
     */
    public static Layer media(Layer http, byte[] frameBytes) {
        if (!http.protocol().equals("HTTP")) {
            return null;
        }
        String contentType = null;
        Field body = null;
        for (Field top : http.fields()) {
            for (Field field : top.children().isEmpty() ? List.of(top) : top.children()) {
                if (field.name().equals("http.content_type") && contentType == null) {
                    contentType = field.text();
                } else if (field.name().equals(Http.FILE_DATA.name())) {
                    body = field;
                }
            }
        }
        if (body == null || !(body.value() instanceof byte[] bytes)) {
            return null;
        }
        if (!HttpExchanges.isMessage(http)) {
            return null; // continuation data: the Data layer after it is already there
        }
        if (contentType == null || TextMedia.mediaType(contentType).equals("application/octet-stream")) {
            return DataDecoder.body(bytes, frameBytes, body.range());
        }
        return TextMedia.reads(contentType) ? TextMedia.layer(contentType, bytes, frameBytes, body.range()) : null;
    }

    /** Each chunk's subtree; the chunks' data is appended to {@code joined}. */
    private List<Field> chunks(int at, int end, ByteArrayOutputStream joined) {
        List<Field> chunks = new ArrayList<>();
        int p = at;
        while (p < end) {
            int lineEnd = lineEnd(p, end);
            String line = new String(b, p, lineEnd - p, StandardCharsets.ISO_8859_1).trim();
            int extension = line.indexOf(';');
            long size = HttpMessageLength.hex(extension >= 0 ? line.substring(0, extension).trim() : line);
            if (size < 0) {
                layer.warning(p, lineEnd - p, "HTTP chunk size is not a hexadecimal number");
                break;
            }
            Field sizeField = layer.field(Http.CHUNK_SIZE, p, lineEnd - p, size, size == 1 ? "http.octet"
                    : "http.octets", Long.toString(size));
            if (size == 0) {
                chunks.add(layer.group(Http.LAST_CHUNK, p, lineEnd - p, List.of(sizeField)));
                trailer(lineEnd, end, chunks);
                break;
            }
            int data = lineEnd;
            int dataEnd = (int) Math.min(end, data + size);
            List<Field> fields = new ArrayList<>(3);
            fields.add(sizeField);
            fields.add(layer.data(Http.CHUNK_DATA, data, dataEnd - data));
            joined.write(b, data, dataEnd - data);
            int boundaryEnd = dataEnd < end ? lineEnd(dataEnd, end) : dataEnd;
            if (boundaryEnd > dataEnd) {
                fields.add(layer.data(Http.CHUNK_BOUNDARY, dataEnd, boundaryEnd - dataEnd));
            }
            chunks.add(layer.group(Http.CHUNK, p, boundaryEnd - p, fields, Long.toString(size)));
            p = boundaryEnd;
        }
        return chunks;
    }

    /**
     * After the last chunk: the trailer's fields, if any, as one text (http.chunked_trailer_part, each line end
     * written as tshark writes it, "\r\n"), then the blank line that ends the body.
     */
    private void trailer(int from, int end, List<Field> chunks) {
        int p = from;
        while (p < end) {
            int next = lineEnd(p, end);
            if (next - p <= 2) {
                break; // the blank line
            }
            p = next;
        }
        if (p > from) {
            String text = new String(b, from, p - from, StandardCharsets.ISO_8859_1);
            chunks.add(layer.text(Http.CHUNKED_TRAILER_PART, from, p - from, CaptureText.fromLatin1(text)));
        }
        if (p < end) {
            chunks.add(layer.text(Http.END_OF_HEADERS, p, end - p, "\\r\\n"));
        }
    }

    private int lineEnd(int from, int end) {
        for (int i = from; i < end; i++) {
            if (b[i] == '\n') {
                return i + 1;
            }
        }
        return end;
    }

    /**
     * A deflate body inflated: zlib's format (RFC 1950) as RFC 9110 says, or raw deflate (RFC 1951) as some
     * servers send it and Wireshark reads it too; null when it is neither or is cut short.
     */
    private static byte[] inflate(byte[] body) {
        for (boolean raw : new boolean[] {false, true}) {
            Inflater inflater = new Inflater(raw);
            try {
                inflater.setInput(body);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                byte[] buffer = new byte[8192];
                while (!inflater.finished()) {
                    int n = inflater.inflate(buffer);
                    if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                        break;
                    }
                    out.write(buffer, 0, n);
                    if (out.size() > MAX_INFLATED) {
                        return null;
                    }
                }
                if (inflater.finished()) {
                    return out.toByteArray();
                }
            } catch (DataFormatException notThisFormat) {
                // Try the other format, then give up: the body is shown as it came.
            } finally {
                inflater.end();
            }
        }
        return null;
    }

    /** The body inflated, or null when it is not gzip or is cut short. */
    private static byte[] gunzip(byte[] body) {
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(body))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) > 0) {
                out.write(buffer, 0, n);
                if (out.size() > MAX_INFLATED) {
                    return null;
                }
            }
            return out.toByteArray();
        } catch (IOException notGzip) {
            // A body that is not gzip or was cut short: shown as it came.
            return null;
        }
    }
}

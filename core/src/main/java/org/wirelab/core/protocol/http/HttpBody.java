package org.wirelab.core.protocol.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.wirelab.core.decode.Field;
import org.wirelab.core.decode.Layer;
import org.wirelab.core.decode.LayerBuilder;
import org.wirelab.core.protocol.data.TextMedia;
import org.wirelab.core.text.CaptureText;

/**
 * An HTTP message's body as packet-http.c shows it: the chunks of a chunked body (RFC 9112 section 7.1),
 * each with its size, data and line end, joined; a gzip Content-Encoding undone (java.util.zip, as
 * Wireshark's zlib); then the result as {@code http.file_data}, whose value keeps the body's bytes for the
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
     * chunked when {@code chunked}, inflated when {@code gzip}.
     */
    void add(int at, int end, boolean chunked, boolean gzip) {
        byte[] body;
        if (chunked) {
            ByteArrayOutputStream joined = new ByteArrayOutputStream();
            List<Field> chunks = chunks(at, end, joined);
            layer.add(layer.group(Http.CHUNKED, at, end - at, chunks));
            body = joined.toByteArray();
        } else {
            body = Arrays.copyOfRange(b, at, end);
        }
        if (gzip) {
            byte[] inflated = gunzip(body);
            if (inflated != null) {
                layer.add(layer.group(Http.ENCODED_BODY, at, end - at, List.of(fileData(at, end, inflated)), "gzip",
                        Integer.toString(body.length), Integer.toString(inflated.length)));
                return;
            }
            layer.warning(at, end - at, "the body says gzip but does not inflate");
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
        for (int i = 0; i < body.length; i++) {
            text[i] = body[i] < 0 ? '\uFFFD' : (char) body[i];
        }
        return CaptureText.escape(new String(text));
    }

    private Field fileData(int at, int end, byte[] body) {
        return fileData(layer, at, end, body);
    }

    /**
     * The layer that shows {@code http}'s body as text lines ({@link TextMedia}), when its Content-Type is
     * one Wireshark reads so; null otherwise.
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
        if (contentType == null || body == null || !(body.value() instanceof byte[] bytes)
                || !TextMedia.reads(contentType)) {
            return null;
        }
        return TextMedia.layer(contentType, bytes, frameBytes, body.range());
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
                if (lineEnd < end) {
                    chunks.add(layer.text(Http.END_OF_HEADERS, lineEnd, end - lineEnd, "\\r\\n"));
                }
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

    private int lineEnd(int from, int end) {
        for (int i = from; i < end; i++) {
            if (b[i] == '\n') {
                return i + 1;
            }
        }
        return end;
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

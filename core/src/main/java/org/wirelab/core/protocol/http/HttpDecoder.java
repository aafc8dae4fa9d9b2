package org.wirelab.core.protocol.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.wirelab.core.decode.ApplicationDecoder;
import org.wirelab.core.decode.Field;
import org.wirelab.core.decode.HeaderField;
import org.wirelab.core.decode.Layer;
import org.wirelab.core.decode.LayerBuilder;
import org.wirelab.core.decode.Next;
import org.wirelab.core.decode.Slice;
import org.wirelab.core.decode.Step;
import org.wirelab.core.decode.Wording;
import org.wirelab.core.text.CaptureText;

/**
 * HTTP/1.x (RFC 9112): the request line (method, target, version) or status line (version, code,
 * reason), then each header line, up to the blank line; the body is summarised by its length. It reads the
 * bytes it is given: a message spread over several segments is put together by {@link HttpReassembly}.
 */
public final class HttpDecoder implements ApplicationDecoder {
    private static final List<String> METHODS = List.of("GET", "POST", "HEAD", "PUT", "DELETE", "OPTIONS",
            "CONNECT", "TRACE", "PATCH");
    private static final Wording TITLE = new Wording(Http.PROTOCOL, Wording.NO_VALUE);

    @Override
    public boolean recognizes(Slice payload, Next.ByPorts ports) {
        String start = ascii(payload, 0, Math.min(payload.captured(), 9));
        if (start.startsWith("HTTP/1.")) {
            return true;
        }
        int space = start.indexOf(' ');
        return space > 0 && METHODS.contains(start.substring(0, space));
    }

    @Override
    public Step decode(Slice payload, Next.ByPorts ports) {
        byte[] b = payload.bytes();
        int o = payload.offset();
        int end = o + payload.captured();
        LayerBuilder layer = new LayerBuilder("HTTP", 7, b, o);
        int lineEnd = lineEnd(b, o, end);
        // One character per byte, so that text indices are byte offsets; CaptureText.fromLatin1 reads UTF-8 again.
        String first = new String(b, o, lineEnd - o, StandardCharsets.ISO_8859_1).stripTrailing();
        boolean response = first.startsWith("HTTP/");
        String summary;
        String[] parts = first.split(" ", 3);
        HeaderField headerLine = response ? Http.RESPONSE_LINE : Http.REQUEST_LINE;
        List<Field> lineFields = new ArrayList<>();
        int at = o;
        if (response) {
            lineFields.add(layer.text(Http.RESPONSE_VERSION, at, parts[0].length(), utf8(parts[0])));
            at += parts[0].length() + 1;
            if (parts.length > 1) {
                lineFields.add(codeField(layer, at, parts[1]));
                at += parts[1].length() + 1;
            }
            if (parts.length > 2) {
                lineFields.add(layer.text(Http.RESPONSE_PHRASE, at, parts[2].length(), utf8(parts[2])));
            }
            summary = "HTTP " + utf8(first);
        } else {
            lineFields.add(layer.text(Http.REQUEST_METHOD, at, parts[0].length(), utf8(parts[0])));
            at += parts[0].length() + 1;
            if (parts.length > 1) {
                lineFields.add(layer.text(Http.REQUEST_URI, at, parts[1].length(), utf8(parts[1])));
                at += parts[1].length() + 1;
            }
            if (parts.length > 2) {
                lineFields.add(layer.text(Http.REQUEST_VERSION, at, parts[2].length(), utf8(parts[2])));
            }
            if (parts.length < 3) {
                layer.warning(o, lineEnd - o, "HTTP request line without a version: \"" + utf8(first) + "\"");
            }
            summary = "HTTP " + utf8(first);
        }
        layer.add(layer.text(Http.START_LINE, o, lineEnd - o, utf8(first + "\r\n"), null, CaptureText.escape(utf8(first)))
                .withChildren(lineFields));
        at = lineEnd;
        boolean headersEnded = false;
        while (at < end) {
            int next = lineEnd(b, at, end);
            String line = new String(b, at, next - at, StandardCharsets.ISO_8859_1);
            String content = line.stripTrailing();
            if (content.isEmpty()) {
                layer.add(layer.text(Http.END_OF_HEADERS, at, next - at, "\\r\\n"));
                at = next;
                headersEnded = true;
                break;
            }
            Field header = layer.text(headerLine, at, next - at, utf8(line), null, CaptureText.escape(utf8(content)));
            int colon = content.indexOf(':');
            if (colon > 0) {
                HeaderField known = Http.header(content.substring(0, colon));
                if (known != null) {
                    String value = content.substring(colon + 1).trim();
                    header = header.withChildren(List.of(layer.text(known, at, next - at, utf8(value), null,
                            CaptureText.escape(utf8(content.substring(0, colon))))));
                }
            }
            layer.add(header);
            at = next;
        }
        if (!headersEnded && payload.captured() == payload.length()) {
            layer.note(at, 0, "the HTTP headers continue in a later segment");
        }
        int body = o + payload.length() - at;
        if (headersEnded && body > 0) {
            layer.add(layer.generated(Http.BODY, at, Math.max(0, end - at), (long) body, body + " bytes",
                    "http.body.length", Integer.toString(body)));
        }
        return Step.last(layer.build(end, TITLE, summary));
    }

    /** HTTP's continuation data: bytes on HTTP's port outside any message, shown by the Data layer after it. */
    static Layer continuation(Slice payload) {
        LayerBuilder layer = new LayerBuilder("HTTP", 7, payload.bytes(), payload.offset());
        return layer.build(payload.offset() + payload.captured(), TITLE,
                "HTTP continuation, " + payload.length() + " bytes");
    }

    private static Field codeField(LayerBuilder layer, int at, String code) {
        if (code.length() == 3 && code.chars().allMatch(Character::isDigit)) {
            return layer.field(Http.RESPONSE_CODE, at, 3, Integer.parseInt(code), null);
        }
        layer.warning(at, code.length(), "HTTP status code \"" + code + "\" is not three digits");
        return layer.text(Http.RESPONSE_CODE_TEXT, at, code.length(), code);
    }

    /** The offset just after the next LF (or {@code end}). */
    private static int lineEnd(byte[] b, int from, int end) {
        for (int i = from; i < end; i++) {
            if (b[i] == '\n') {
                return i + 1;
            }
        }
        return end;
    }

    /** Text read one character per byte, read again as UTF-8 and escaped as all capture text is. */
    private static String utf8(String latin1) {
        return CaptureText.fromLatin1(latin1);
    }

    private static String ascii(Slice payload, int from, int length) {
        return new String(payload.bytes(), payload.offset() + from, Math.max(0, length), StandardCharsets.ISO_8859_1);
    }
}

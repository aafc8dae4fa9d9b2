package org.wirelab.core.decode.application;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.wirelab.core.decode.ApplicationDecoder;
import org.wirelab.core.decode.Field;
import org.wirelab.core.decode.LayerBuilder;
import org.wirelab.core.decode.Next;
import org.wirelab.core.decode.Slice;
import org.wirelab.core.decode.Step;
import org.wirelab.core.text.CaptureText;

/**
 * HTTP/1.x (RFC 9112): the request line (method, target, version) or status line (version, code,
 * reason), then each header line, up to the blank line; the body is summarised by its length. Only the
 * segment's own bytes are read: a message spread over several segments is not reassembled here.
 */
public final class HttpDecoder implements ApplicationDecoder {
    private static final List<String> METHODS = List.of("GET", "POST", "HEAD", "PUT", "DELETE", "OPTIONS",
            "CONNECT", "TRACE", "PATCH");
    /** Header names with a field of their own in Wireshark. */
    private static final Map<String, String> HEADER_FIELDS = Map.ofEntries(
            Map.entry("host", "http.host"), Map.entry("user-agent", "http.user_agent"),
            Map.entry("accept", "http.accept"), Map.entry("referer", "http.referer"),
            Map.entry("cookie", "http.cookie"), Map.entry("connection", "http.connection"),
            Map.entry("content-type", "http.content_type"),
            Map.entry("content-length", "http.content_length_header"), Map.entry("server", "http.server"),
            Map.entry("location", "http.location"), Map.entry("date", "http.date"),
            Map.entry("last-modified", "http.last_modified"), Map.entry("accept-encoding", "http.accept_encoding"),
            Map.entry("accept-language", "http.accept_language"), Map.entry("set-cookie", "http.set_cookie"),
            Map.entry("transfer-encoding", "http.transfer_encoding"), Map.entry("cache-control", "http.cache_control"));

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
        String prefix = response ? "http.response" : "http.request";
        List<Field> lineFields = new ArrayList<>();
        int at = o;
        if (response) {
            lineFields.add(layer.string("http.response.version", "Response Version", at, parts[0].length(), utf8(parts[0])));
            at += parts[0].length() + 1;
            if (parts.length > 1) {
                lineFields.add(codeField(layer, at, parts[1]));
                at += parts[1].length() + 1;
            }
            if (parts.length > 2) {
                lineFields.add(layer.string("http.response.phrase", "Response Phrase", at, parts[2].length(),
                        utf8(parts[2])));
            }
            summary = "HTTP " + utf8(first);
        } else {
            lineFields.add(layer.string("http.request.method", "Request Method", at, parts[0].length(), utf8(parts[0])));
            at += parts[0].length() + 1;
            if (parts.length > 1) {
                lineFields.add(layer.string("http.request.uri", "Request URI", at, parts[1].length(), utf8(parts[1])));
                at += parts[1].length() + 1;
            }
            if (parts.length > 2) {
                lineFields.add(layer.string("http.request.version", "Request Version", at, parts[2].length(),
                        utf8(parts[2])));
            }
            if (parts.length < 3) {
                layer.warning(o, lineEnd - o, "HTTP request line without a version: \"" + utf8(first) + "\"");
            }
            summary = "HTTP " + utf8(first);
        }
        layer.add(layer.string("", utf8(first), o, lineEnd - o, utf8(first + "\r\n")).withChildren(lineFields));
        at = lineEnd;
        boolean headersEnded = false;
        while (at < end) {
            int next = lineEnd(b, at, end);
            String line = new String(b, at, next - at, StandardCharsets.ISO_8859_1);
            String content = line.stripTrailing();
            if (content.isEmpty()) {
                layer.add(layer.string("", "End of headers", at, next - at, "\\r\\n"));
                at = next;
                headersEnded = true;
                break;
            }
            Field header = layer.string(prefix + ".line", utf8(content), at, next - at, utf8(line));
            int colon = content.indexOf(':');
            if (colon > 0) {
                String name = HEADER_FIELDS.get(content.substring(0, colon).trim().toLowerCase(Locale.ROOT));
                if (name != null) {
                    String value = content.substring(colon + 1).trim();
                    header = header.withChildren(List.of(layer.string(name, utf8(content.substring(0, colon)), at, next - at,
                            utf8(value))));
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
            layer.add(layer.generated("", "Body", at, Math.max(0, end - at), (long) body, body + " bytes"));
        }
        return Step.last(layer.build(end, "Hypertext Transfer Protocol", summary));
    }

    private static Field codeField(LayerBuilder layer, int at, String code) {
        if (code.length() == 3 && code.chars().allMatch(Character::isDigit)) {
            return layer.uint("http.response.code", "Status Code", at, 3, Integer.parseInt(code));
        }
        layer.warning(at, code.length(), "HTTP status code \"" + code + "\" is not three digits");
        return layer.string("", "Status Code", at, code.length(), code);
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

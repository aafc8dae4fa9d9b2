package org.wirelab.core.protocol.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.wirelab.core.decode.ApplicationDecoder;
import org.wirelab.core.decode.Field;
import org.wirelab.core.decode.FieldLabels;
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
 * reason), then each header line, up to the blank line; then the body ({@link HttpBody}). It reads the
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
        int end = messageEnd(payload);
        LayerBuilder layer = new LayerBuilder(Http.PROTOCOL_FIELD.layerName(), 7, b, o);
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
                if (isCode(parts[1])) {
                    Wording.Word meaning = Wording.Word.valueOf("http.response.code.desc", parts[1]);
                    lineFields.add(layer.generated(Http.RESPONSE_CODE_DESC, at, 3, english(meaning), english(meaning),
                            "value", meaning));
                }
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
                lineFields.add(uriField(layer, at, parts[1]));
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
        String lineText = CaptureText.escape(utf8(first + "\r\n"));
        lineFields.add(0, layer.generated(Http.CHAT, o, lineEnd - o, "", "1", Wording.NO_VALUE, lineText));
        layer.add(layer.text(Http.START_LINE, o, lineEnd - o, utf8(first + "\r\n"), null, CaptureText.escape(utf8(first)))
                .withChildren(lineFields));
        at = lineEnd;
        boolean headersEnded = false;
        Map<String, String> headers = new HashMap<>();
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
                String value = content.substring(colon + 1).trim();
                headers.putIfAbsent(content.substring(0, colon).trim().toLowerCase(Locale.ROOT), value);
                if (known != null) {
                    // Wireshark's value keeps the spaces before the line's end ("wirelab-sample/1.0 ").
                    String shown = line.substring(colon + 1, line.length() - lineEndLength(line)).stripLeading();
                    List<Field> children = new ArrayList<>(2);
                    children.add(layer.text(known, at, next - at, utf8(shown), null,
                            CaptureText.escape(utf8(content.substring(0, colon)))));
                    long length = known == Http.header("content-length") ? number(value) : -1;
                    if (length >= 0) {
                        children.add(layer.generated(Http.CONTENT_LENGTH, at, next - at, length, Long.toString(length)));
                    }
                    header = header.withChildren(children);
                }
            }
            layer.add(header);
            at = next;
        }
        if (!headersEnded && payload.captured() == payload.length() && end == o + payload.captured()) {
            layer.note(at, 0, "the HTTP headers continue in a later segment");
        }
        String host = headers.get("host");
        if (headersEnded && !response && parts.length > 1 && host != null) {
            String target = utf8(parts[1]);
            String full = target.startsWith("http://") || target.startsWith("https://") ? target
                    : "http://" + CaptureText.escape(utf8(host)) + target;
            layer.add(layer.generated(Http.FULL_URI, at, 0, full, full));
        }
        if (headersEnded && at < end) {
            String encoding = headers.getOrDefault("transfer-encoding", "").toLowerCase(Locale.ROOT);
            long declared = number(headers.getOrDefault("content-length", ""));
            boolean chunked = encoding.contains("chunked");
            // A request has a body only when it says so; a response without a length lasts until the close.
            int bodyEnd = declared >= 0 && !chunked ? (int) Math.min(end, at + declared)
                    : chunked || response && !HttpMessageLength.hasNoBody(first) ? end : at;
            String contentEncoding = headers.getOrDefault("content-encoding", "").trim().toLowerCase(Locale.ROOT);
            if (bodyEnd > at) {
                new HttpBody(layer).add(at, bodyEnd, chunked, contentEncoding);
            }
        }
        Layer message = layer.build(end, TITLE, summary);
        Slice rest = payload.sub(end, payload.length() - (end - o));
        // Pipelined messages (several requests in one segment): the next one is a layer of its own.
        return rest.captured() > 0 && recognizes(rest, ports) ? new Step(message, ports, rest) : Step.last(message);
    }

    /** Every HTTP message of {@code payload}, in order, each decoded alone (pipelined requests, one by one). */
    public static List<Layer> messages(Slice payload, Next.ByPorts ports) {
        HttpDecoder decoder = new HttpDecoder();
        List<Layer> messages = new ArrayList<>(1);
        Slice rest = payload;
        while (rest != null && rest.captured() > 0 && decoder.recognizes(rest, ports)) {
            Step step = decoder.decode(rest, ports);
            messages.add(step.layer());
            rest = step.rest();
        }
        return messages;
    }

    /**
     * Where the message that starts the payload ends (its headers and body, RFC 9112 section 6.3): the end
     * of what was captured unless another message follows within it.
     */
    private static int messageEnd(Slice payload) {
        int o = payload.offset();
        int captured = payload.captured();
        long length = HttpMessageLength.of(Arrays.copyOfRange(payload.bytes(), o, o + captured), captured);
        return length > 0 && length < captured ? o + (int) length : o + captured;
    }

    /** HTTP's continuation data: bytes on HTTP's port outside any message, shown by the Data layer after it. */
    static Layer continuation(Slice payload) {
        LayerBuilder layer = new LayerBuilder(Http.PROTOCOL_FIELD.layerName(), 7, payload.bytes(), payload.offset());
        int o = payload.offset();
        int end = o + payload.captured();
        // tshark shows the bytes as the body of a message it lost the start of, when it captured them all.
        if (payload.captured() == payload.length()) {
            layer.add(HttpBody.fileData(layer, o, end, Arrays.copyOfRange(payload.bytes(), o, end)));
        }
        return layer.build(end, TITLE, "HTTP continuation, " + payload.length() + " bytes");
    }

    /**
     * The request target, with its path, query and the query's parameters below it when it has a query, as
     * packet-http.c splits it ("/search?q=tcp&lang=fr").
     */
    private static Field uriField(LayerBuilder layer, int at, String target) {
        Field uri = layer.text(Http.REQUEST_URI, at, target.length(), utf8(target));
        int question = target.indexOf('?');
        if (question < 0) {
            return uri;
        }
        String query = target.substring(question + 1);
        List<Field> parameters = new ArrayList<>();
        int p = 0;
        for (String parameter : query.split("&", -1)) {
            parameters.add(layer.text(Http.REQUEST_URI_QUERY_PARAMETER, at + question + 1 + p, parameter.length(),
                    utf8(parameter)));
            p += parameter.length() + 1;
        }
        return uri.withChildren(List.of(
                layer.text(Http.REQUEST_URI_PATH, at, question, utf8(target.substring(0, question))),
                layer.text(Http.REQUEST_URI_QUERY, at + question + 1, query.length(), utf8(query))
                        .withChildren(parameters)));
    }

    private static boolean isCode(String code) {
        return code.length() == 3 && code.chars().allMatch(Character::isDigit);
    }

    /** A header's decimal number (Content-Length), or -1 when it is not one. */
    private static long number(String text) {
        String digits = text.trim();
        if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        return Long.parseLong(digits);
    }

    private static String english(Wording.Word word) {
        return FieldLabels.english().text(word.key(), word.arguments());
    }

    private static Field codeField(LayerBuilder layer, int at, String code) {
        if (isCode(code)) {
            return layer.field(Http.RESPONSE_CODE, at, 3, Integer.parseInt(code), null);
        }
        layer.warning(at, code.length(), "HTTP status code \"" + code + "\" is not three digits");
        return layer.text(Http.RESPONSE_CODE_TEXT, at, code.length(), code);
    }

    /** The length of the line's ending: CR LF, LF, or none at the end of the bytes. */
    private static int lineEndLength(String line) {
        return line.endsWith("\r\n") ? 2 : line.endsWith("\n") ? 1 : 0;
    }

    /** The offset just after the next LF (or {@code end}). */
    static int lineEnd(byte[] b, int from, int end) {
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

package org.wirelab.core.protocol.http;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.wirelab.core.decode.FieldType;
import org.wirelab.core.decode.HeaderField;

/**
 * HTTP/1.x's fields as packet-http.c names them, declared once (RFC 9112): the request and status lines,
 * the header lines, and the headers Wireshark gives a field of their own. A line or a header name is
 * labelled by the packet's own text ({@code http.line}); the other labels and the title are in the
 * {@code FieldLabels} bundles under these names.
 */
public final class Http {
    /** The protocol, by its filter name; its title is the bundles' {@code http}. */
    public static final String PROTOCOL = "http";

    /** Hidden flags on a request's or a response's first line. */
    public static final HeaderField REQUEST = HeaderField.of("http.request", FieldType.BOOLEAN);
    public static final HeaderField RESPONSE = HeaderField.of("http.response", FieldType.BOOLEAN);
    public static final HeaderField REQUEST_METHOD = HeaderField.of("http.request.method", FieldType.STRING);
    public static final HeaderField REQUEST_URI = HeaderField.of("http.request.uri", FieldType.STRING);
    public static final HeaderField REQUEST_VERSION = HeaderField.of("http.request.version", FieldType.STRING);
    public static final HeaderField RESPONSE_VERSION = HeaderField.of("http.response.version", FieldType.STRING);
    public static final HeaderField RESPONSE_CODE = HeaderField.unsigned("http.response.code");
    /** A status code that is not three digits: shown, but not the number Wireshark's field holds. */
    public static final HeaderField RESPONSE_CODE_TEXT = HeaderField.unnamed("http.response.code", FieldType.STRING);
    public static final HeaderField RESPONSE_PHRASE = HeaderField.of("http.response.phrase", FieldType.STRING);
    /** The request or status line, labelled by itself. */
    public static final HeaderField START_LINE = HeaderField.unnamed("http.line", FieldType.STRING);
    /** A header line of a request, labelled by itself. */
    public static final HeaderField REQUEST_LINE = new HeaderField("http.request.line", "http.line", FieldType.STRING,
            HeaderField.Base.DEC, 0);
    /** A header line of a response, labelled by itself. */
    public static final HeaderField RESPONSE_LINE = new HeaderField("http.response.line", "http.line",
            FieldType.STRING, HeaderField.Base.DEC, 0);
    public static final HeaderField END_OF_HEADERS = HeaderField.unnamed("http.end_of_headers", FieldType.STRING);
    public static final HeaderField BODY = HeaderField.unnamed("http.body", FieldType.UNSIGNED);

    /** Headers with a field of their own in Wireshark, by lower-case header name; labelled by the name as sent. */
    public static final Map<String, HeaderField> HEADERS = Map.ofEntries(
            header("host", "http.host"), header("user-agent", "http.user_agent"), header("accept", "http.accept"),
            header("referer", "http.referer"), header("cookie", "http.cookie"),
            header("connection", "http.connection"), header("content-type", "http.content_type"),
            header("content-length", "http.content_length_header"), header("server", "http.server"),
            header("location", "http.location"), header("date", "http.date"),
            header("last-modified", "http.last_modified"), header("accept-encoding", "http.accept_encoding"),
            header("accept-language", "http.accept_language"), header("set-cookie", "http.set_cookie"),
            header("transfer-encoding", "http.transfer_encoding"), header("cache-control", "http.cache_control"));

    /** Every named HTTP field, for the registry of names (-e, display filters). */
    public static final List<HeaderField> FIELDS = fields();

    private Http() {
    }

    /** The field of header {@code name} (any case), or null when Wireshark gives it none. */
    public static HeaderField header(String name) {
        return HEADERS.get(name.trim().toLowerCase(Locale.ROOT));
    }

    private static Map.Entry<String, HeaderField> header(String headerName, String fieldName) {
        return Map.entry(headerName, new HeaderField(fieldName, "http.line", FieldType.STRING, HeaderField.Base.DEC, 0));
    }

    private static List<HeaderField> fields() {
        List<HeaderField> all = new java.util.ArrayList<>(List.of(REQUEST, RESPONSE, REQUEST_METHOD, REQUEST_URI,
                REQUEST_VERSION, REQUEST_LINE, RESPONSE_VERSION, RESPONSE_CODE, RESPONSE_PHRASE, RESPONSE_LINE));
        HEADERS.values().stream().sorted(java.util.Comparator.comparing(HeaderField::name)).forEach(all::add);
        return List.copyOf(all);
    }
}

package org.wirelab.core.protocol.http;

import org.wirelab.core.decode.ProtocolField;
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
    public static final ProtocolField PROTOCOL_FIELD = ProtocolField.printedByName("http", "HTTP");
    /** The protocol, by its filter name; its title is the bundles' {@code http}. */
    public static final String PROTOCOL = PROTOCOL_FIELD.name();

    /**
     * The TCP ports whose payload goes to HTTP whatever it holds, as tshark 4.0's port table has them
     * (`tshark -G decodes`), and 8000, where development servers listen. On these a segment that repeats
     * bytes already received stays TCP alone, as in tshark; elsewhere HTTP is recognised by its first line.
     */
    public static final List<Integer> TCP_PORTS = List.of(80, 631, 1900, 2710, 2869, 3128, 3132, 3689, 5985, 8000,
            8080, 8088, 11371);

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

    /** Wireshark's expert note on every message's first line ("Expert Info (Chat/Sequence)"), printed as 1. */
    public static final HeaderField CHAT = HeaderField.of("http.chat", FieldType.NONE);
    /** The request target's parts, when it has a query ("/search?q=tcp"). */
    public static final HeaderField REQUEST_URI_PATH = HeaderField.of("http.request.uri.path", FieldType.STRING);
    public static final HeaderField REQUEST_URI_QUERY = HeaderField.of("http.request.uri.query", FieldType.STRING);
    public static final HeaderField REQUEST_URI_QUERY_PARAMETER = HeaderField.of("http.request.uri.query.parameter",
            FieldType.STRING);
    /** The status code's meaning, from RFC 9110's list ("OK", "Not Modified"). */
    public static final HeaderField RESPONSE_CODE_DESC = HeaderField.of("http.response.code.desc", FieldType.STRING);
    /** Content-Length's value as a number. */
    public static final HeaderField CONTENT_LENGTH = HeaderField.unsigned("http.content_length");
    /** The request's URI with its host: "http://" + Host + target. */
    public static final HeaderField FULL_URI = HeaderField.of("http.request.full_uri", FieldType.STRING);
    /** The message's body, once its chunks are joined and its compression undone, as text. */
    public static final HeaderField FILE_DATA = HeaderField.of("http.file_data", FieldType.STRING);

    /** A chunked body (RFC 9112 section 7.1): each chunk's size line, data and line end, then the last chunk. */
    public static final HeaderField CHUNKED = HeaderField.unnamed("http.chunked");
    public static final HeaderField CHUNK = HeaderField.unnamed("http.chunk");
    public static final HeaderField LAST_CHUNK = HeaderField.unnamed("http.last_chunk");
    public static final HeaderField CHUNK_SIZE = HeaderField.unsigned("http.chunk_size");
    public static final HeaderField CHUNK_DATA = HeaderField.of("http.chunk_data", FieldType.BYTES);
    public static final HeaderField CHUNK_BOUNDARY = HeaderField.of("http.chunk_boundary", FieldType.BYTES);
    /** A chunked body's trailer fields after its last chunk (RFC 9112 section 7.1.2), as one text. */
    public static final HeaderField CHUNKED_TRAILER_PART = HeaderField.of("http.chunked_trailer_part",
            FieldType.STRING);
    /** A body compressed by gzip or deflate (Content-Encoding), shown with its sizes before and after. */
    public static final HeaderField ENCODED_BODY = HeaderField.unnamed("http.content_encoded");

    /** What pairs a response with its request in the connection, known only from the capture (HttpExchanges). */
    public static final HeaderField REQUEST_NUMBER = HeaderField.unsigned("http.request_number");
    public static final HeaderField RESPONSE_NUMBER = HeaderField.unsigned("http.response_number");
    public static final HeaderField PREV_REQUEST_IN = HeaderField.unsigned("http.prev_request_in");
    public static final HeaderField PREV_RESPONSE_IN = HeaderField.unsigned("http.prev_response_in");
    public static final HeaderField REQUEST_IN = HeaderField.unsigned("http.request_in");
    public static final HeaderField TIME = HeaderField.of("http.time", FieldType.TIME);
    public static final HeaderField RESPONSE_FOR_URI = HeaderField.of("http.response_for.uri", FieldType.STRING);

    /** Headers with a field of their own in Wireshark, by lower-case header name; labelled by the name as sent. */
    public static final Map<String, HeaderField> HEADERS = Map.ofEntries(
            header("host", "http.host"), header("user-agent", "http.user_agent"), header("accept", "http.accept"),
            header("referer", "http.referer"), header("cookie", "http.cookie"),
            header("connection", "http.connection"), header("content-type", "http.content_type"),
            header("content-length", "http.content_length_header"), header("server", "http.server"),
            header("location", "http.location"), header("date", "http.date"),
            header("last-modified", "http.last_modified"), header("accept-encoding", "http.accept_encoding"),
            header("accept-language", "http.accept_language"), header("set-cookie", "http.set_cookie"),
            header("transfer-encoding", "http.transfer_encoding"), header("cache-control", "http.cache_control"),
            header("content-encoding", "http.content_encoding"));

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
        List<HeaderField> all = new java.util.ArrayList<>(List.of(REQUEST, RESPONSE, CHAT, REQUEST_METHOD, REQUEST_URI,
                REQUEST_URI_PATH, REQUEST_URI_QUERY, REQUEST_URI_QUERY_PARAMETER, REQUEST_VERSION, REQUEST_LINE,
                RESPONSE_VERSION, RESPONSE_CODE, RESPONSE_CODE_DESC, RESPONSE_PHRASE, RESPONSE_LINE, CONTENT_LENGTH,
                FULL_URI, FILE_DATA, CHUNK_SIZE, CHUNK_DATA, CHUNK_BOUNDARY, CHUNKED_TRAILER_PART, REQUEST_NUMBER, RESPONSE_NUMBER,
                PREV_REQUEST_IN, PREV_RESPONSE_IN, REQUEST_IN, TIME, RESPONSE_FOR_URI));
        HEADERS.values().stream().sorted(java.util.Comparator.comparing(HeaderField::name)).forEach(all::add);
        return List.copyOf(all);
    }
}

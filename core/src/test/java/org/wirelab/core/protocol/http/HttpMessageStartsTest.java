package org.wirelab.core.protocol.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wirelab.core.decode.Field;
import org.wirelab.core.decode.Layer;
import org.wirelab.core.decode.Next;
import org.wirelab.core.decode.Slice;
import org.wirelab.core.header.IpProtocol;

/**
 * The whole-capture passes find messages without building their fields: they must find the same messages
 * as the decoder that shows them (how many, request or response, the method, and the URI a response is
 * named by), on the payloads whose boundaries or URIs are easy to get wrong.
 */
class HttpMessageStartsTest {
    private static final Next.ByPorts PORTS = new Next.ByPorts(IpProtocol.TCP, 40000, 80);

    @Test
    void findsTheMessagesTheDecoderShows() {
        List<String> payloads = List.of(
                "GET /a HTTP/1.1\r\nHost: example.org\r\n\r\n",
                "GET /a HTTP/1.1\r\nHost: one\r\n\r\nHEAD /b?x=1&y HTTP/1.1\r\nhost:  two \r\n\r\nGET /c HTTP/1.1\r\n\r\n",
                "GET http://proxy.example/x HTTP/1.1\r\nHost: other\r\n\r\n",
                "GET /no-host HTTP/1.1\r\nAccept: */*\r\n\r\n",
                "GET /unfinished HTTP/1.1\r\nHost: late\r\n",
                "GET /caf\u00e9 HTTP/1.1\r\nHost: h\u00f4te\r\nHost: second\r\n\r\n",
                "GET\r\n\r\n",
                "DELETE /x\n\n",
                "POST /form HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\n\r\nhelloGET /next HTTP/1.1\r\nHost: h\r\n\r\n",
                "POST /chunks HTTP/1.1\r\nHost: h\r\nTRANSFER-ENCODING: Chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\nGET /after HTTP/1.1\r\n\r\n",
                "HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\nokHTTP/1.1 204 No Content\r\n\r\nHTTP/1.1 304 Not Modified\r\n\r\n",
                "HTTP/1.1 200 OK\r\n\r\nuntil the close GET /not-a-message HTTP/1.1\r\n\r\n",
                "HTTP/1.0 200 OK\nContent-Length: 0\n\nbytes after that are not HTTP");
        for (String text : payloads) {
            byte[] payload = text.getBytes(StandardCharsets.UTF_8);
            // Placed after other bytes, as a segment's payload sits in its frame.
            byte[] frame = new byte[payload.length + 54];
            System.arraycopy(payload, 0, frame, 54, payload.length);
            assertEquals(decoded(payload), HttpMessageStarts.in(frame, 54, payload.length, PORTS), text);
        }
    }

    /** The messages as the decoder shows them, read from their fields as the passes read them before. */
    private static List<HttpMessageStarts.Start> decoded(byte[] payload) {
        List<HttpMessageStarts.Start> starts = new ArrayList<>();
        for (Layer message : HttpDecoder.messages(Slice.ofFrame(payload, payload.length), PORTS)) {
            boolean response = message.fields().get(0).text().startsWith("HTTP/");
            starts.add(response ? new HttpMessageStarts.Start(true, null, null)
                    : new HttpMessageStarts.Start(false, field(message, Http.REQUEST_METHOD.name()), uri(message)));
        }
        return starts;
    }

    private static String field(Layer message, String name) {
        for (Field field : message.fields().get(0).children()) {
            if (field.name().equals(name)) {
                return field.text();
            }
        }
        return null;
    }

    /** The full URI when the decoder shows one, else the request target. */
    private static String uri(Layer request) {
        for (Field top : request.fields()) {
            if (top.name().equals(Http.FULL_URI.name())) {
                return top.text();
            }
        }
        return field(request, Http.REQUEST_URI.name());
    }
}

package org.wirelab.core.protocol.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wirelab.core.analysis.CaptureAnalysis;
import org.wirelab.core.decode.DecoderTables;
import org.wirelab.core.fields.CaptureFields;
import org.wirelab.core.pcap.PcapWriter;
import org.wirelab.core.testing.FieldLines;

/**
 * HTTP messages of thousands of segments, as a hostile capture (or a long download) sends them: finding
 * where a message ends examines each of its bytes once, not the whole message again at every segment, and
 * what is kept of a connection's exchanges does not grow with them. The work is counted in bytes examined
 * ({@link HttpReassembly#bytesRead}), never timed.
 */
class HttpReassemblyWorkTest {
    private static final int SEGMENTS = 3_000;
    private static final int CHUNK = 1_000;

    @Test
    void aChunkedBodyOfThousandsOfSegmentsIsReadOnceAndCompletedInItsLastSegment() {
        HttpConnection connection = new HttpConnection();
        connection.request("GET /big HTTP/1.1\r\nHost: example\r\n\r\n");
        byte[] headers = ascii("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n");
        long messageLength = headers.length;
        connection.response(headers);
        byte[] chunk = chunk(CHUNK);
        for (int k = 0; k < SEGMENTS; k++) {
            connection.response(chunk);
            messageLength += chunk.length;
        }
        byte[] last = ascii("0\r\n\r\n");
        connection.response(last);
        messageLength += last.length;

        CaptureAnalysis analysis = CaptureAnalysis.of(connection.frames);
        HttpReassembly reassembly = new HttpReassembly(analysis, DecoderTables.standard());
        int lastFrame = connection.frames.size() - 1;
        HttpReassembly.Completion completion = assertInstanceOf(HttpReassembly.Completion.class,
                reassembly.role(lastFrame));
        assertEquals(SEGMENTS + 2, completion.segments());
        assertEquals(messageLength, completion.length());
        assertInstanceOf(HttpReassembly.Segment.class, reassembly.role(lastFrame - 1));
        // Each byte of the response once: re-reading the message at every segment would examine ~4.5 billion.
        long requestLength = connection.requestLength;
        assertEquals(messageLength + requestLength, reassembly.bytesRead());

        CaptureFields fields = new CaptureFields(analysis);
        assertEquals(List.of(Integer.toString(SEGMENTS + 2)), fields.texts("tcp.segment.count", lastFrame));
        assertEquals(List.of(Long.toString(messageLength)), fields.texts("tcp.reassembled.length", lastFrame));
        assertEquals(List.of("200"), fields.texts("http.response.code", lastFrame));
        assertEquals(SEGMENTS + 2, fields.texts("tcp.segment", lastFrame).size());
        assertEquals((long) SEGMENTS * CHUNK, fields.texts("http.file_data", lastFrame).get(0).length());
    }

    @Test
    void aBodyThatNeverEndsCostsItsLengthOnceAndKeepsNoBytes() {
        HttpConnection connection = new HttpConnection();
        connection.request("GET /endless HTTP/1.1\r\nHost: example\r\n\r\n");
        byte[] headers = ascii("HTTP/1.1 200 OK\r\nContent-Length: 1000000000000\r\n\r\n");
        connection.response(headers);
        byte[] body = new byte[CHUNK];
        for (int k = 0; k < SEGMENTS; k++) {
            connection.response(body);
        }
        CaptureAnalysis analysis = CaptureAnalysis.of(connection.frames);
        HttpReassembly reassembly = new HttpReassembly(analysis, DecoderTables.standard());
        for (int i = 4; i < connection.frames.size(); i++) {
            assertInstanceOf(HttpReassembly.Segment.class, reassembly.role(i), "frame " + (i + 1));
        }
        assertEquals(headers.length + (long) SEGMENTS * CHUNK + connection.requestLength, reassembly.bytesRead());
    }

    @Test
    void aLongConnectionKeepsTwoExchangesAndStillPairsEachResponseWithItsRequest() {
        HttpConnection connection = new HttpConnection();
        int exchanges = 2_000;
        for (int k = 0; k < exchanges; k++) {
            connection.request("GET /" + k + " HTTP/1.1\r\nHost: example\r\n\r\n");
            connection.response(ascii("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"));
        }
        CaptureAnalysis analysis = CaptureAnalysis.of(connection.frames);
        HttpReassembly reassembly = new HttpReassembly(analysis, DecoderTables.standard());
        HttpExchanges kept = new HttpExchanges(analysis, DecoderTables.standard(), reassembly);
        assertEquals(2, kept.exchangesKept());

        CaptureFields fields = new CaptureFields(analysis);
        int lastResponse = connection.frames.size() - 1;
        int lastRequest = lastResponse - 1;
        assertEquals(List.of(Integer.toString(exchanges)), fields.texts("http.response_number", lastResponse));
        assertEquals(List.of(Integer.toString(lastRequest + 1)), fields.texts("http.request_in", lastResponse));
        assertEquals(List.of(Integer.toString(lastRequest - 1)), fields.texts("http.prev_request_in", lastResponse));
        assertEquals(List.of(Integer.toString(lastResponse - 1)), fields.texts("http.prev_response_in", lastResponse));
        assertEquals(List.of("http://example/" + (exchanges - 1)), fields.texts("http.response_for.uri", lastResponse));
    }

    @Test
    void aMessageWhoseSegmentsLieInManyPartsOfTheFileGivesTheWholeFilesFields(@TempDir Path directory)
            throws IOException {
        HttpConnection connection = new HttpConnection();
        connection.request("GET /big HTTP/1.1\r\nHost: example\r\n\r\n");
        connection.response(ascii("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: "
                + 20 * CHUNK + "\r\n\r\n"));
        byte[] body = ascii("x".repeat(CHUNK - 1) + "\n");
        for (int k = 0; k < 20; k++) {
            connection.response(body);
        }
        Path capture = directory.resolve("parts.pcap");
        PcapWriter.writeAtomically(connection.frames, capture);
        List<String> names = List.of("tcp.segment", "tcp.segment.count", "tcp.reassembled.length",
                "tcp.reassembled.data", "tcp.segment_data", "http.response.code", "http.file_data");
        List<String> whole = FieldLines.of(new CaptureFields(CaptureAnalysis.of(connection.frames)), names);
        assertTrue(whole.get(whole.size() - 1).contains("tcp.segment.count=[21]"), whole.get(whole.size() - 1));
        assertEquals(whole, FieldLines.inParts(capture, 3, names));
    }

    /** A chunk of {@code size} bytes of text, with its size line and line end. */
    private static byte[] chunk(int size) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ascii(Integer.toHexString(size) + "\r\n"));
        out.writeBytes(ascii("a".repeat(size)));
        out.writeBytes(ascii("\r\n"));
        return out.toByteArray();
    }

    private static byte[] ascii(String text) {
        return HttpConnection.ascii(text);
    }
}

package org.wirelab.core.protocol.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wirelab.core.analysis.CaptureAnalysis;
import org.wirelab.core.fields.CaptureFields;
import org.wirelab.core.pcap.CaptureFiles;
import org.wirelab.core.pcap.PcapWriter;
import org.wirelab.core.testing.Tshark;

/**
 * Bodies the samples do not have, written here and read by tshark 4.0 and by wirelab: a chunked body with a
 * trailer, deflate in zlib's format and raw, a text body holding NUL bytes, and bodies without a media type
 * (shown as data after their message). Every field asked prints as tshark prints it on the same file.
 */
class HttpBodyTsharkTest {
    private static final List<String> FIELDS = List.of("frame.protocols", "http.file_data",
            "http.chunked_trailer_part", "http.content_encoding", "http.chunk_size", "http.content_length",
            "data-text-lines");
    private static final String REQUEST = "GET / HTTP/1.1\r\nHost: example\r\n\r\n";
    private static final byte[] TEXT = HttpConnection.ascii("hello deflate world\nsecond line\n");

    @Test
    void trailersDeflateAndNulBytesPrintAsTsharkPrintsThem(@TempDir Path directory) throws IOException {
        Tshark.require();
        HttpConnection connection = new HttpConnection();
        connection.request(REQUEST);
        connection.response(HttpConnection.ascii("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\nX-Checksum: 42\r\nX-Other: 2\r\n\r\n"));
        connection.request(REQUEST);
        connection.response(withBody("Content-Type: text/plain\r\nContent-Encoding: deflate\r\n", deflate(false)));
        connection.request(REQUEST);
        connection.response(withBody("Content-Type: text/plain\r\nContent-Encoding: deflate\r\n", deflate(true)));
        connection.request(REQUEST);
        connection.response(withBody("Content-Type: text/plain\r\n", HttpConnection.ascii("ab\0cd\nline2\0\n")));
        assertSameFields(connection, directory, FIELDS);
    }

    @Test
    void aBodyWithoutAMediaTypeIsDataAfterItsMessage(@TempDir Path directory) throws IOException {
        Tshark.require();
        HttpConnection connection = new HttpConnection();
        connection.request(REQUEST);
        connection.response(withBody("", HttpConnection.ascii("hello world")));
        connection.request(REQUEST);
        connection.response(withBody("Content-Type: application/octet-stream\r\n",
                new byte[] {'a', 'b', 0, (byte) 0xff, 'c'}));
        connection.request("POST /form HTTP/1.1\r\nHost: example\r\nContent-Length: 7\r\n\r\na=1&b=2");
        connection.response(withBody("Content-Type: text/plain\r\n", HttpConnection.ascii("ok\n")));
        assertSameFields(connection, directory, List.of("frame.protocols", "data", "data.data", "data.len",
                "http.file_data", "data-text-lines"));
    }

    private static void assertSameFields(HttpConnection connection, Path directory, List<String> names)
            throws IOException {
        Path capture = directory.resolve("bodies.pcap");
        PcapWriter.writeAtomically(connection.frames, capture);
        List<String[]> tshark = Tshark.fields(capture, names);
        CaptureFields fields = new CaptureFields(CaptureAnalysis.of(CaptureFiles.read(capture).frames()));
        assertEquals(fields.size() + 1, tshark.size(), "frames (and tshark's header line)");
        for (int i = 0; i < fields.size(); i++) {
            for (int f = 0; f < names.size(); f++) {
                String[] row = tshark.get(i + 1);
                assertEquals(f < row.length ? row[f] : "", String.join(",", fields.texts(names.get(f), i)),
                        "frame " + (i + 1) + ", " + names.get(f));
            }
        }
    }

    private static byte[] withBody(String headers, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(HttpConnection.ascii("HTTP/1.1 200 OK\r\n" + headers + "Content-Length: " + body.length
                + "\r\n\r\n"));
        out.writeBytes(body);
        return out.toByteArray();
    }

    /** The text compressed by deflate, in zlib's wrapper (RFC 1950) or raw (RFC 1951). */
    private static byte[] deflate(boolean raw) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, raw);
        deflater.setInput(TEXT);
        deflater.finish();
        byte[] buffer = new byte[256];
        int n = deflater.deflate(buffer);
        deflater.end();
        return java.util.Arrays.copyOf(buffer, n);
    }
}

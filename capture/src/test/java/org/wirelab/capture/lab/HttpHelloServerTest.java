package org.wirelab.capture.lab;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HttpHelloServerTest {

    @Test
    void answersGetWith200AndClosesTheConnectionItself() throws Exception {
        RecordedLines out = new RecordedLines();
        try (HttpHelloServer server = new HttpHelloServer(Loopback.ipv4AnyPort(), out);
             Socket client = new Socket()) {
            server.start();
            client.connect(server.localAddress());
            client.setSoTimeout(5000);
            client.getOutputStream().write("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            // readAllBytes returns only at end of stream: the server must close after its answer.
            String response = new String(client.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            assertTrue(response.startsWith("HTTP/1.1 200 OK\r\n"), response);
            assertTrue(response.endsWith("\r\n\r\nhello from wirelab\n"), response);
            assertTrue(response.contains("Content-length: 19\r\n"), response);
            out.await("GET / from 127.0.0.1:" + client.getLocalPort() + ": answered 200");
        }
    }
}

package org.wirelab.capture.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.wirelab.core.scenario.HalfCloseLines;

/** The half close's server on real sockets: a client that has sent its FIN still receives the lines. */
class LinesAfterFinServerTest {

    @Test
    void aClientThatShutDownItsSendingSideStillReadsEveryLineThenTheEnd() throws Exception {
        RecordedLines out = new RecordedLines();
        try (LinesAfterFinServer server = new LinesAfterFinServer(Loopback.ipv4AnyPort(), out)) {
            server.start();
            try (Socket client = new Socket()) {
                client.connect(server.localAddress());
                client.setSoTimeout(5000);
                client.getOutputStream().write("hello serveur\n".getBytes(StandardCharsets.US_ASCII));
                client.shutdownOutput();   // FIN: the server only now starts sending
                long start = System.nanoTime();
                InputStream in = client.getInputStream();
                ByteArrayOutputStream received = new ByteArrayOutputStream();
                int b;
                while ((b = in.read()) >= 0) {
                    received.write(b);
                }
                long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
                assertEquals(HalfCloseLines.all(), received.toString(StandardCharsets.US_ASCII));
                // The lines a gap apart: the last comes at least two gaps after the first.
                assertTrue(elapsedMillis >= (HalfCloseLines.COUNT - 1) * HalfCloseLines.GAP.toMillis(),
                        "read to the end in " + elapsedMillis + " ms");
                String peer = "127.0.0.1:" + client.getLocalPort();
                out.await("closed the connection with " + peer);
                assertTrue(out.all().contains("received 14 bytes from " + peer + ", then its FIN"), out.all().toString());
            }
            assertTrue(server.awaitHandled(1, RecordedLines.TIMEOUT));
        }
    }
}

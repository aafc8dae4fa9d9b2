package org.wirelab.capture.lab;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.wirelab.core.scenario.HalfCloseLines;

/**
 * The server of a half close: reads each client until its FIN, then sends {@link HalfCloseLines} to a
 * client that has only shut down its sending direction and still reads, a gap apart, and closes. An
 * exchange ({@link #handled()}) is one connection closed.
 */
public final class LinesAfterFinServer extends SequentialTcpServer {
    private final byte[] buffer = new byte[4096];  // used by the serving thread only

    public LinesAfterFinServer(InetSocketAddress address, LabConsole output) {
        super(address, output, "name.halfClose", "lines-after-fin-server");
    }

    @Override
    protected void serve(Socket client) throws IOException {
        String peer = Endpoints.text(client.getRemoteSocketAddress());
        InputStream in = client.getInputStream();
        long total = 0;
        int length;
        while ((length = in.read(buffer)) >= 0) {
            total += length;
        }
        output.say("sink.received", total, peer);
        OutputStream out = client.getOutputStream();
        for (int number = 1; number <= HalfCloseLines.COUNT; number++) {
            out.write(HalfCloseLines.line(number).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            pause();
        }
        output.say("halfClose.sent", HalfCloseLines.COUNT, peer);
        client.close();
        output.say("closedWith", peer);
        exchangeDone();
    }

    private static void pause() throws IOException {
        try {
            Thread.sleep(HalfCloseLines.GAP.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted between two lines", e);
        }
    }
}

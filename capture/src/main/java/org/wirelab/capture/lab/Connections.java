package org.wirelab.capture.lab;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

/** Connecting the lab's TCP clients, with one-line messages for the usual failures. */
public final class Connections {
    private Connections() {
    }

    /** A connected socket; a refused connection says that no server listens there. */
    public static Socket connect(InetSocketAddress server, Duration timeout, LabConsole console) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(server, (int) timeout.toMillis());
            return socket;
        } catch (ConnectException e) {
            socket.close();
            throw new ConnectException(console.words("tcp.refused", Endpoints.text(server)));
        } catch (SocketTimeoutException e) {
            socket.close();
            throw new SocketTimeoutException(console.words("tcp.noAnswer", Endpoints.text(server), timeout.toSeconds()));
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }
}

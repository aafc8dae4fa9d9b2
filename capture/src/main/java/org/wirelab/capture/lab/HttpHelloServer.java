package org.wirelab.capture.lab;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * The web server of {@code http-get}, the JDK's own (com.sun.net.httpserver): answers every
 * {@code GET} with 200 and {@link #BODY}, and {@code Connection: close}, so that the server closes
 * the connection after the answer and a capture shows the whole TCP teardown rather than an idle
 * keep-alive connection. Other methods get 405. An exchange ({@link #handled()}) is one request answered.
 */
public final class HttpHelloServer extends CountingServer {
    public static final String BODY = "hello from wirelab\n";

    private final InetSocketAddress address;
    private final LabConsole output;
    private HttpServer server;
    private InetSocketAddress bound;

    public HttpHelloServer(InetSocketAddress address, LabConsole output) {
        this.address = address;
        this.output = output;
    }

    @Override
    public synchronized void start() throws IOException {
        if (server != null) {
            throw new IllegalStateException("already started");
        }
        try {
            server = HttpServer.create(address, TcpServer.BACKLOG);
        } catch (BindException e) {
            throw Binding.explain("TCP", address, e, output);
        }
        server.createContext("/", this::answer);
        server.start();
        bound = server.getAddress();
        output.say("http.listening", Endpoints.text(bound));
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String request = exchange.getRequestMethod() + " " + exchange.getRequestURI();
            String peer = Endpoints.text(exchange.getRemoteAddress());
            byte[] body = BODY.getBytes(StandardCharsets.US_ASCII);
            int status = "GET".equals(exchange.getRequestMethod()) ? 200 : 405;
            exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=us-ascii");
            exchange.getResponseHeaders().set("Connection", "close");
            if (status == 200) {
                exchange.sendResponseHeaders(status, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            } else {
                exchange.sendResponseHeaders(status, -1);
            }
            output.say("http.answered", request, peer, status);
        } finally {
            exchangeDone();
        }
    }

    @Override
    public synchronized InetSocketAddress localAddress() {
        return bound == null ? address : bound;
    }

    @Override
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        // Waits at most a second for an exchange in progress, then closes every connection and joins
        // the server's dispatcher thread.
        server.stop(1);
        server = null;
        output.say("http.stopped");
    }
}

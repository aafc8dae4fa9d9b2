package org.wirelab.simulator.scenario;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Consumer;
import org.wirelab.simulator.net.Host;
import org.wirelab.simulator.tcp.TcpEndpoint;
import org.wirelab.simulator.tcp.TcpHandler;

/**
 * An HTTP/1.1 server answering {@code GET} with 200 and {@link #BODY}: the status line and
 * headers in one write, the body in another, then it closes (as the sample's server does).
 */
final class HttpServer implements Program {
    /** The body, as the live runner's HttpHelloServer answers. */
    static final String BODY = "hello from wirelab\n";
    /** RFC 9110 section 5.6.7's IMF-fixdate, as the JDK's HttpServer writes it. */
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter
            .ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    private long handled;

    HttpServer(Host host, int port, String at, String actor, Consumer<String> output) {
        host.tcp().listen(port, actor, endpoint -> new TcpHandler() {
            private final StringBuilder request = new StringBuilder();

            @Override
            public void readable(TcpEndpoint connection) {
                request.append(new String(connection.read(Integer.MAX_VALUE - 8), StandardCharsets.ISO_8859_1));
                int end = request.indexOf("\r\n\r\n");
                if (end < 0) {
                    if (connection.endOfStream()) {
                        connection.close();
                        handled++;
                    }
                    return;
                }
                String requestLine = request.substring(0, request.indexOf("\r\n"));
                String[] parts = requestLine.split(" ");
                int status = parts[0].equals("GET") ? 200 : 405;
                byte[] body = BODY.getBytes(StandardCharsets.US_ASCII);
                // As the live runner's server (the JDK's HttpServer) writes them, dated by the virtual clock.
                String headers = "HTTP/1.1 " + status + (status == 200 ? " OK" : " Method Not Allowed") + "\r\n"
                        + "Connection: close\r\n"
                        + "Date: " + HTTP_DATE.format(Instant.ofEpochSecond(0,
                                host.network().epochNanos() + host.network().simulator().now())) + "\r\n"
                        + "Content-type: text/plain; charset=us-ascii\r\n"
                        + "Content-length: " + (status == 200 ? body.length : 0) + "\r\n\r\n";
                connection.write(headers.getBytes(StandardCharsets.US_ASCII));
                if (status == 200) {
                    connection.write(body);
                }
                output.accept(parts[0] + " " + (parts.length > 1 ? parts[1] : "") + " from " + connection.remoteText()
                        + ": answered " + status);
                connection.handler(new TcpHandler() { });
                // The server closes in a later call, once the exchange is done: FIN in its own segment.
                host.network().simulator().schedule(host.tcp().config().wakeup().toNanos(), () -> {
                    connection.close();
                    handled++;
                });
            }
        });
        output.accept("HTTP server listening on " + at);
    }

    @Override
    public long handled() {
        return handled;
    }
}

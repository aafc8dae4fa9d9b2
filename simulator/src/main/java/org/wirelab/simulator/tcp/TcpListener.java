package org.wirelab.simulator.tcp;

import java.util.function.Function;

/**
 * A listening socket (RFC 9293 section 3.10.1, passive OPEN): each SYN to its port makes a new
 * endpoint, which the application gets, with the handler {@code accept} gives it, once established.
 */
public final class TcpListener {
    private final int port;
    private final String name;
    private final Function<TcpEndpoint, TcpHandler> accept;

    TcpListener(int port, String name, Function<TcpEndpoint, TcpHandler> accept) {
        this.port = port;
        this.name = name;
        this.accept = accept;
    }

    public int port() {
        return port;
    }

    String name() {
        return name;
    }

    TcpHandler accept(TcpEndpoint endpoint) {
        return accept.apply(endpoint);
    }
}

package org.wirelab.simulator.tcp;

/**
 * What a simulated application hears from its TCP endpoint. Calls come from the event that caused
 * them, after the endpoint has finished processing it, so the application may write, read or close
 * from inside a call.
 */
public interface TcpHandler {
    /** The three-way handshake completed (RFC 9293 section 3.5). */
    default void established(TcpEndpoint endpoint) {
    }

    /** Bytes can be read, or the peer's FIN has arrived ({@link TcpEndpoint#endOfStream()}). */
    default void readable(TcpEndpoint endpoint) {
    }

    /** Room has been made in the send buffer. */
    default void writable(TcpEndpoint endpoint) {
    }

    /**
     * The connection ended without an orderly close by this side: refused (RST to the SYN), reset by
     * the peer, or given up after its retransmissions. {@code reason} says which, in a few words.
     */
    default void failed(TcpEndpoint endpoint, String reason) {
    }

    /** The endpoint reached CLOSED (or TIME-WAIT) after an orderly close. */
    default void closed(TcpEndpoint endpoint) {
    }
}

package org.wirelab.core.scenario;

/**
 * What a server actor runs. Each is a closed, documented behaviour, so that the real runner starts the
 * matching program and a simulator can play the same part; {@link LabProtocol} holds the bytes. An
 * exchange is what {@link Step.AwaitHandled} counts.
 */
public enum Service {
    /**
     * The lab's TCP server (simpleServeurSocket.py): per connection, one read of at most
     * {@link LabProtocol#TCP_RECEIVE_SIZE} bytes, printed, then close. Exchange: a connection closed.
     */
    LAB_TCP_SERVER(Transport.TCP),
    /**
     * The lab's UDP server (simpleUDPServeur.py): answers {@link LabProtocol#UDP_REPLY} to each datagram.
     * Exchange: a datagram answered.
     */
    LAB_UDP_ECHO(Transport.UDP),
    /**
     * The lab's chat server (multiThreadServerSocketTCP.py, bugs fixed): sends each client its number,
     * broadcasts each read as {@link LabProtocol#chatBroadcast}; {@code quit} ends a client's session
     * (broadcast, then the server closes). Exchange: a client gone (quit, closed or vanished).
     */
    LAB_CHAT(Transport.TCP),
    /** An HTTP/1.1 server answering {@code GET} with 200 and a short text body. Exchange: a request answered. */
    HTTP(Transport.TCP),
    /** Reads until the client closes, counting bytes, then closes. Exchange: a connection closed. */
    TCP_SINK(Transport.TCP),
    /** Counts the datagrams it receives. Exchange: a datagram received. */
    UDP_SINK(Transport.UDP),
    /**
     * Reads the stream as {@link Messages} (each ends with a newline), prints {@link Messages#receivedLine}
     * for each, sends back those that ask for a reply, and closes when the client does. Exchange: a
     * message received.
     */
    TCP_MESSAGES(Transport.TCP),
    /**
     * Takes each datagram as one of the {@link Messages}, prints {@link Messages#receivedLine}, and sends it
     * back to its sender when it asks for a reply. Exchange: a datagram received.
     */
    UDP_MESSAGES(Transport.UDP),
    /**
     * Reads until the client's FIN (the client has only shut down its sending direction), then sends
     * {@link HalfCloseLines#COUNT} lines {@link HalfCloseLines#GAP} apart, and closes after the same gap.
     * Exchange: a connection closed.
     */
    LINES_AFTER_FIN(Transport.TCP);

    private final Transport transport;

    Service(Transport transport) {
        this.transport = transport;
    }

    public Transport transport() {
        return transport;
    }
}

package org.wirelab.core.analysis;

/**
 * One TCP stream or UDP flow as tshark numbers them ({@code tcp.stream}, {@code udp.stream}).
 * Endpoint {@code a} sent the conversation's first frame. Frame indices are 0-based ({@code number - 1}).
 *
 * <p>The client is the endpoint that sent the first SYN (or received the first SYN+ACK); a TCP stream
 * captured mid-way has the higher port as client (well-known and registered ports are servers, the
 * order in which Wireshark tries ports for a payload dissector); a UDP flow's client sent first.
 */
public record Conversation(Protocol protocol, int stream, Endpoint a, Endpoint b, int firstFrameIndex,
        int lastFrameIndex, int frameCount, boolean clientIsA) {

    /** The transport of a conversation. */
    public enum Protocol { TCP, UDP }

    public Endpoint client() {
        return clientIsA ? a : b;
    }

    public Endpoint server() {
        return clientIsA ? b : a;
    }
}

package org.wirelab.core.compare;

/**
 * What a TCP or UDP frame is for, from the point of view of the data it carries: the question "what does
 * TCP's reliability cost?" is answered by counting the frames that are not {@link #DATA}.
 */
public enum FrameRole {
    /** SYN, SYN-ACK, and the client's ACK that completes the three-way handshake. */
    HANDSHAKE,
    /** Carries application bytes for the first time (every UDP datagram). */
    DATA,
    /** A pure acknowledgement (no data, no SYN or FIN) during the transfer. */
    ACK,
    /** A FIN, or a pure ACK that acknowledges the peer's FIN. */
    TEARDOWN,
    /** Sends again bytes already sent: a retransmission, fast or spurious, as tshark flags it. */
    RETRANSMISSION,
    /** A RST: the connection is aborted or refused. */
    RESET,
    /** Neither TCP nor UDP (ICMP, ARP...). */
    OTHER
}

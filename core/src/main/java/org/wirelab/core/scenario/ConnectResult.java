package org.wirelab.core.scenario;

/** What a TCP connection attempt must end in. */
public enum ConnectResult {
    /** The three-way handshake completes (SYN, SYN-ACK, ACK). */
    ESTABLISHED,
    /** Nothing listens on the port: the SYN is answered by RST (RFC 9293 section 3.10.7.1). */
    REFUSED
}

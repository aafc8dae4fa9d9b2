package org.wirelab.core.tcpstate;

/**
 * The connection states of one TCP endpoint, named as in RFC 9293 section 3.3.2. LISTEN is the state
 * of a passive endpoint before its peer's SYN arrives; CLOSED is both "no connection yet" and "gone".
 * UNKNOWN is no RFC state: the capture does not show it (a SYN nobody answered, a SYN+ACK whose SYN
 * was not captured), written "?".
 */
public enum TcpState {
    CLOSED("CLOSED"),
    LISTEN("LISTEN"),
    SYN_SENT("SYN-SENT"),
    SYN_RECEIVED("SYN-RECEIVED"),
    ESTABLISHED("ESTABLISHED"),
    FIN_WAIT_1("FIN-WAIT-1"),
    FIN_WAIT_2("FIN-WAIT-2"),
    CLOSE_WAIT("CLOSE-WAIT"),
    CLOSING("CLOSING"),
    LAST_ACK("LAST-ACK"),
    TIME_WAIT("TIME-WAIT"),
    UNKNOWN("?");

    private static final TcpState[] BY_ORDINAL = values();

    private final String rfcName;

    TcpState(String rfcName) {
        this.rfcName = rfcName;
    }

    /** The name as RFC 9293 spells it, e.g. "SYN-SENT" ("?" for UNKNOWN). */
    public String rfcName() {
        return rfcName;
    }

    /** The state stored as {@code code} by {@link #code()}. */
    public static TcpState ofCode(int code) {
        return BY_ORDINAL[code];
    }

    /**
     * The name with a trailing "?" when the state is {@code inferred}: the capture makes it likely
     * but does not prove it (a connection whose handshake was not captured is "ESTABLISHED?").
     */
    public String text(boolean inferred) {
        return inferred && this != UNKNOWN ? rfcName + "?" : rfcName;
    }

    /** A one-byte code for compact per-frame storage. */
    public byte code() {
        return (byte) ordinal();
    }

    @Override
    public String toString() {
        return rfcName;
    }
}

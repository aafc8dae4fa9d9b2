package org.wirelab.core.ladder;

/** A remark written on one lane at one arrow: a TCP state change or an expert event. */
public record LaneNote(int lane, Kind kind, String text) {
    private static final String STATE_ARROW = " -> ";

    /** What a note reports. */
    public enum Kind {
        /** The lane's TCP state changed, e.g. "CLOSED -> SYN-SENT" (RFC 9293 names). */
        STATE,
        /** Something an analyst should notice, e.g. "Retransmission", "Dup ACK #2" (tshark's expert info). */
        EXPERT
    }

    /**
     * The states a state note reaches: "SYN-SENT" for "CLOSED -> SYN-SENT", "CLOSING -> TIME-WAIT" for
     * "FIN-WAIT-1 -> CLOSING -> TIME-WAIT" (two changes shown at one frame); else the text.
     */
    public String reached() {
        int arrow = text.indexOf(STATE_ARROW);
        return kind == Kind.STATE && arrow >= 0 ? text.substring(arrow + STATE_ARROW.length()) : text;
    }

    /** For a state note "CLOSED -> SYN-SENT", the state the lane is in after it ("SYN-SENT"); else the text. */
    public String outcome() {
        int arrow = text.lastIndexOf(STATE_ARROW);
        return kind == Kind.STATE && arrow >= 0 ? text.substring(arrow + STATE_ARROW.length()) : text;
    }
}

package org.wirelab.core.tcpstate;

/**
 * Infers the RFC 9293 state of both endpoints of one TCP connection from the segments an observer
 * on the wire sees, one segment at a time. Endpoints are numbered 0 and 1 by the caller.
 *
 * <p>The observer's model: a segment changes its sender's state when it is sent and its receiver's
 * state when it arrives, and both happen at the frame that carries it (the capture point sits between
 * the two hosts, so this is the nearest moment the wire can show). The events of RFC 9293 section
 * 3.10.7 (SEGMENT ARRIVES) and the user calls of section 3.10 (OPEN, CLOSE) are read off the flags:
 * <ul>
 *   <li>Handshake (section 3.5, figure 6): SYN puts its sender in SYN-SENT and its receiver in
 *       SYN-RECEIVED; SYN+ACK puts its receiver in ESTABLISHED; the ACK of the SYN+ACK puts the
 *       passive side in ESTABLISHED. Simultaneous open (figure 7) goes SYN-SENT -> SYN-RECEIVED.</li>
 *   <li>Teardown (section 3.6, figures 12 and 13): FIN puts its sender in FIN-WAIT-1 (or LAST-ACK from
 *       CLOSE-WAIT) and its receiver in CLOSE-WAIT; the ACK of a FIN moves FIN-WAIT-1 to FIN-WAIT-2,
 *       CLOSING to TIME-WAIT and LAST-ACK to CLOSED; a FIN arriving in FIN-WAIT-2 gives TIME-WAIT, in
 *       FIN-WAIT-1 without acknowledging our FIN it gives CLOSING (simultaneous close). A FIN that does
 *       not acknowledge the peer's FIN although that FIN was already on the wire was sent before it
 *       arrived: its sender goes to CLOSING, not LAST-ACK.</li>
 *   <li>Reset (section 3.10.7.4, "If the RST bit is set"): both endpoints go to CLOSED. (A passive
 *       endpoint's listening socket survives, but this connection's TCB is gone.)</li>
 *   <li>TIME-WAIT's 2 MSL timer (section 3.10.8) is invisible on the wire: an endpoint stays in
 *       TIME-WAIT until the end of the capture.</li>
 * </ul>
 *
 * <p>Where the capture starts decides the assumed states before the first segment: a SYN means a
 * CLOSED client and a LISTEN server; a SYN+ACK (the SYN was not captured, or was captured later, as in
 * zeek's handshake-reorder trace) means a server in LISTEN and a client already in SYN-SENT; anything
 * else means the connection was already ESTABLISHED on both sides. We chose "assume ESTABLISHED" over
 * "unknown until evidence" because a segment without SYN can only be sent on a synchronized
 * connection (section 3.10.7.4 requires ESTABLISHED or later), so the first data segment is the
 * evidence, and a ladder diagram reads better with a state on every lane.
 */
public final class TcpConnectionTracker {
    // Header flag bits (RFC 9293 section 3.1), as in PacketTable.tcpFlags.
    private static final int FIN = 0x01;
    private static final int SYN = 0x02;
    private static final int RST = 0x04;
    private static final int ACK = 0x10;

    private final TcpState[] states = new TcpState[2];
    private final TcpState[] initialStates = new TcpState[2];
    private final boolean[] finSent = new boolean[2];
    private final int[] finSequence = new int[2];
    private boolean started;

    /** The state of {@code endpoint} (0 or 1) after the last observed segment. */
    public TcpState state(int endpoint) {
        return started ? states[endpoint] : null;
    }

    /** The state assumed for {@code endpoint} before the first observed segment, or null before it. */
    public TcpState initialState(int endpoint) {
        return started ? initialStates[endpoint] : null;
    }

    /**
     * Applies one segment sent by {@code sender} (0 or 1) with the header's {@code flags}, raw
     * {@code sequence} and {@code acknowledgement} numbers and {@code payloadLength} (tcp.len).
     */
    public void observe(int sender, int flags, int sequence, int acknowledgement, int payloadLength) {
        observe(sender, flags, sequence, acknowledgement, payloadLength, true);
    }

    /**
     * As {@link #observe(int, int, int, int, int)}; a segment that was not {@code delivered} (lost on the
     * way, known to a simulator) changes its sender's state only: the receiver never saw it.
     */
    public void observe(int sender, int flags, int sequence, int acknowledgement, int payloadLength, boolean delivered) {
        int receiver = 1 - sender;
        boolean syn = (flags & SYN) != 0;
        boolean ack = (flags & ACK) != 0;
        boolean fin = (flags & FIN) != 0;
        if (!started) {
            assumeInitialStates(sender, syn, ack);
        }
        if ((flags & RST) != 0) {
            states[sender] = TcpState.CLOSED;
            if (delivered) {
                states[receiver] = TcpState.CLOSED;
            }
            return;
        }
        if (fin) {
            finSent[sender] = true;
            // The FIN occupies the sequence number after the data (and after the SYN, if any).
            finSequence[sender] = sequence + payloadLength + (syn ? 1 : 0);
        }
        states[sender] = afterSending(sender, syn, ack, fin, acknowledgement);
        if (delivered) {
            states[receiver] = afterReceiving(receiver, syn, ack, fin, acknowledgement);
        }
    }

    private void assumeInitialStates(int sender, boolean syn, boolean ack) {
        started = true;
        int receiver = 1 - sender;
        if (syn && !ack) {
            states[sender] = TcpState.CLOSED;
            states[receiver] = TcpState.LISTEN;
        } else if (syn) {
            states[sender] = TcpState.LISTEN;
            states[receiver] = TcpState.SYN_SENT;
        } else {
            states[sender] = TcpState.ESTABLISHED;
            states[receiver] = TcpState.ESTABLISHED;
        }
        initialStates[0] = states[0];
        initialStates[1] = states[1];
    }

    private TcpState afterSending(int sender, boolean syn, boolean ack, boolean fin, int acknowledgement) {
        TcpState state = states[sender];
        if (syn && !ack && (state == TcpState.CLOSED || state == TcpState.LISTEN)) {
            state = TcpState.SYN_SENT;                  // active OPEN (section 3.10.1)
        } else if (syn && ack && (state == TcpState.CLOSED || state == TcpState.LISTEN
                || state == TcpState.SYN_SENT)) {
            state = TcpState.SYN_RECEIVED;              // answering a SYN (section 3.10.7.2, 3.10.7.3)
        }
        if (fin) {
            state = switch (state) {
                case SYN_RECEIVED, ESTABLISHED -> TcpState.FIN_WAIT_1;     // CLOSE (section 3.10.4)
                case CLOSE_WAIT -> ack && acknowledges(acknowledgement, 1 - sender)
                        ? TcpState.LAST_ACK
                        : TcpState.CLOSING;   // sent before the peer's FIN arrived: simultaneous close
                default -> state;                                           // a retransmitted FIN
            };
        }
        return state;
    }

    private TcpState afterReceiving(int receiver, boolean syn, boolean ack, boolean fin, int acknowledgement) {
        TcpState state = states[receiver];
        if (syn && !ack) {
            if (state == TcpState.LISTEN || state == TcpState.CLOSED || state == TcpState.SYN_SENT) {
                state = TcpState.SYN_RECEIVED;          // section 3.10.7.2; from SYN-SENT: simultaneous open
            }
            return state;
        }
        if (ack) {
            boolean ourFinAcked = acknowledges(acknowledgement, receiver);
            state = switch (state) {
                case SYN_SENT -> syn ? TcpState.ESTABLISHED : state;       // section 3.10.7.3
                case SYN_RECEIVED -> TcpState.ESTABLISHED;                   // section 3.10.7.4, fifth check
                case FIN_WAIT_1 -> ourFinAcked ? TcpState.FIN_WAIT_2 : state;
                case CLOSING -> ourFinAcked ? TcpState.TIME_WAIT : state;
                case LAST_ACK -> ourFinAcked ? TcpState.CLOSED : state;
                default -> state;
            };
        }
        if (fin) {
            state = switch (state) {                                        // section 3.10.7.4, eighth check
                case SYN_RECEIVED, ESTABLISHED -> TcpState.CLOSE_WAIT;
                case FIN_WAIT_1 -> TcpState.CLOSING;       // our FIN is not acknowledged (else FIN-WAIT-2)
                case FIN_WAIT_2 -> TcpState.TIME_WAIT;
                default -> state;
            };
        }
        return state;
    }

    /** Whether {@code acknowledgement} covers the FIN sent by {@code endpoint} (modulo 2^32). */
    private boolean acknowledges(int acknowledgement, int endpoint) {
        return finSent[endpoint] && acknowledgement - (finSequence[endpoint] + 1) >= 0;
    }
}

package org.wirelab.core.tcpstate;

import org.wirelab.core.protocol.tcp.Tcp;

/**
 * The RFC 9293 state machine of both endpoints of one TCP connection, driven by two kinds of event:
 * an endpoint {@link #sent sends} a segment, and an endpoint {@link #received receives} one. The caller
 * ({@link TcpStateTimeline}) decides when a segment was received, from what the capture proves
 * ({@link TcpArrivals}); this class only knows what each event does:
 * <ul>
 *   <li>Sending (the user calls of section 3.10): a SYN is an active OPEN (CLOSED -> SYN-SENT); a
 *       SYN+ACK answers a SYN (-> SYN-RECEIVED); a FIN is CLOSE or shutdown(SHUT_WR)
 *       (ESTABLISHED -> FIN-WAIT-1, CLOSE-WAIT -> LAST-ACK); a RST aborts (-> CLOSED).</li>
 *   <li>Receiving (SEGMENT ARRIVES, section 3.10.7): a SYN in LISTEN gives SYN-RECEIVED, in SYN-SENT
 *       too (simultaneous open, figure 7), and nothing where no one listens (the RST answers it);
 *       a SYN+ACK acknowledging our SYN gives ESTABLISHED; the ACK of our SYN or FIN moves
 *       SYN-RECEIVED, FIN-WAIT-1, CLOSING and LAST-ACK on (fifth check); a FIN gives CLOSE-WAIT,
 *       CLOSING in FIN-WAIT-1 (our FIN not yet acknowledged: the FINs crossed, figure 13), TIME-WAIT
 *       in FIN-WAIT-2 (eighth check); a RST gives CLOSED.</li>
 * </ul>
 * TIME-WAIT's 2 MSL timer (section 3.10.8) is invisible on the wire: an endpoint stays in TIME-WAIT
 * until the end of the capture. Each endpoint's state may be <em>inferred</em> (the capture started
 * after the handshake): it stays so until a SYN, a RST, CLOSED or TIME-WAIT makes it certain.
 */
public final class TcpConnectionTracker {
    // Header flag bits (RFC 9293 section 3.1), as in PacketTable.tcpFlags.

    private final TcpState[] states = new TcpState[2];
    private final boolean[] inferred = new boolean[2];
    private final TcpState[] initialStates = new TcpState[2];
    private final boolean[] initialInferred = new boolean[2];
    private final boolean[] synSent = new boolean[2];
    private final int[] synSequence = new int[2];
    private final boolean[] finSent = new boolean[2];
    private final int[] finSequence = new int[2];
    // The changes made since the last drainSteps(), each as from << 8 | to with INFERRED bits: one
    // segment can make two (a FIN,ACK in FIN-WAIT-1 gives FIN-WAIT-2, then TIME-WAIT).
    private final int[] steps = new int[4];
    private int stepCount;
    static final int INFERRED = 0x40;
    private static final int[] NO_STEPS = new int[0];

    /** A tracker whose endpoints start in the given states (what the capture's first frames imply). */
    public TcpConnectionTracker(TcpState first, boolean firstInferred, TcpState second, boolean secondInferred) {
        states[0] = initialStates[0] = first;
        states[1] = initialStates[1] = second;
        inferred[0] = initialInferred[0] = firstInferred;
        inferred[1] = initialInferred[1] = secondInferred;
    }

    /** The state of {@code endpoint} (0 or 1) now. */
    public TcpState state(int endpoint) {
        return states[endpoint];
    }

    /** Whether the state of {@code endpoint} is inferred rather than proven by the capture. */
    public boolean inferred(int endpoint) {
        return inferred[endpoint];
    }

    /** The state {@code endpoint} started in. */
    public TcpState initialState(int endpoint) {
        return initialStates[endpoint];
    }

    public boolean initialInferred(int endpoint) {
        return initialInferred[endpoint];
    }

    /** {@code sender} sends a segment with these header {@code flags}, raw numbers and tcp.len. */
    public void sent(int sender, int flags, int sequence, int acknowledgement, int payloadLength) {
        if (has(flags, Tcp.RST)) {
            set(sender, TcpState.CLOSED, false);
            return;
        }
        TcpState state = states[sender];
        if (has(flags, Tcp.SYN)) {
            synSent[sender] = true;
            synSequence[sender] = sequence;
            if (!has(flags, Tcp.ACK) && (state == TcpState.CLOSED || state == TcpState.LISTEN
                    || state == TcpState.UNKNOWN)) {
                set(sender, TcpState.SYN_SENT, false);                        // active OPEN (3.10.1)
            } else if (has(flags, Tcp.ACK) && (state == TcpState.CLOSED || state == TcpState.LISTEN
                    || state == TcpState.SYN_SENT || state == TcpState.UNKNOWN)) {
                set(sender, TcpState.SYN_RECEIVED, false);                    // answering a SYN (3.10.7.2-3)
            }
        }
        if (has(flags, Tcp.FIN)) {
            finSent[sender] = true;
            // The FIN occupies the sequence number after the data (and after the SYN, if any).
            finSequence[sender] = sequence + payloadLength + (has(flags, Tcp.SYN) ? 1 : 0);
            switch (states[sender]) {
                case SYN_RECEIVED, ESTABLISHED, UNKNOWN -> set(sender, TcpState.FIN_WAIT_1, inferred[sender]
                        || states[sender] == TcpState.UNKNOWN);                // CLOSE or SHUT_WR (3.10.4)
                case CLOSE_WAIT -> set(sender, TcpState.LAST_ACK, inferred[sender]);
                default -> { }                                                  // a FIN sent again
            }
        }
    }

    /** {@code receiver} takes a segment its peer sent (same arguments as {@link #sent}). */
    public void received(int receiver, int flags, int sequence, int acknowledgement, int payloadLength) {
        TcpState state = states[receiver];
        if (has(flags, Tcp.RST)) {
            if (state != TcpState.CLOSED && state != TcpState.LISTEN) {
                set(receiver, TcpState.CLOSED, false);                          // 3.10.7.4, second check
            }
            return;
        }
        if (has(flags, Tcp.SYN) && !has(flags, Tcp.ACK)) {
            switch (state) {
                case LISTEN, SYN_SENT -> set(receiver, TcpState.SYN_RECEIVED, false);   // 3.10.7.2; figure 7
                case UNKNOWN -> set(receiver, TcpState.SYN_RECEIVED, true);
                default -> { }   // CLOSED: nothing listens, a RST answers it; otherwise a SYN sent again
            }
            return;
        }
        if (has(flags, Tcp.ACK)) {
            boolean ourSynAcked = synSent[receiver] && acknowledgement - (synSequence[receiver] + 1) >= 0;
            boolean ourFinAcked = finSent[receiver] && acknowledgement - (finSequence[receiver] + 1) >= 0;
            switch (state) {
                case SYN_SENT -> {
                    if (has(flags, Tcp.SYN) && ourSynAcked) {
                        set(receiver, TcpState.ESTABLISHED, false);             // 3.10.7.3
                    }
                }
                case SYN_RECEIVED -> {
                    if (ourSynAcked || !synSent[receiver]) {
                        set(receiver, TcpState.ESTABLISHED, inferred[receiver]); // 3.10.7.4, fifth check
                    }
                }
                case FIN_WAIT_1 -> {
                    if (ourFinAcked) {
                        set(receiver, TcpState.FIN_WAIT_2, inferred[receiver]);
                    }
                }
                case CLOSING -> {
                    if (ourFinAcked) {
                        set(receiver, TcpState.TIME_WAIT, false);
                    }
                }
                case LAST_ACK -> {
                    if (ourFinAcked) {
                        set(receiver, TcpState.CLOSED, false);
                    }
                }
                default -> { }
            }
        }
        if (has(flags, Tcp.FIN)) {
            switch (states[receiver]) {                                         // 3.10.7.4, eighth check
                case SYN_RECEIVED, ESTABLISHED -> set(receiver, TcpState.CLOSE_WAIT, inferred[receiver]);
                case FIN_WAIT_1 -> set(receiver, TcpState.CLOSING, inferred[receiver]);   // the FINs crossed
                case FIN_WAIT_2 -> set(receiver, TcpState.TIME_WAIT, false);
                default -> { }
            }
        }
    }

    private void set(int endpoint, TcpState state, boolean isInferred) {
        int from = code(endpoint);
        states[endpoint] = state;
        inferred[endpoint] = isInferred && state != TcpState.CLOSED && state != TcpState.TIME_WAIT;
        int to = code(endpoint);
        if (from != to && stepCount < steps.length) {
            steps[stepCount++] = from << 8 | to;
        }
    }

    /** The state of {@code endpoint} as a byte: its ordinal, with {@link #INFERRED} when inferred. */
    int code(int endpoint) {
        return states[endpoint].ordinal() | (inferred[endpoint] ? INFERRED : 0);
    }

    /** The changes (from << 8 | to codes) made by the last event, in order; clears them. */
    int[] drainSteps() {
        if (stepCount == 0) {
            return NO_STEPS;   // most segments change nothing: no array made for each
        }
        int[] made = java.util.Arrays.copyOf(steps, stepCount);
        stepCount = 0;
        return made;
    }

    private static boolean has(int flags, int flag) {
        return (flags & flag) != 0;
    }
}

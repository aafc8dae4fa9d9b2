package org.wirelab.core.tcpstate;

import java.util.Arrays;
import org.wirelab.core.frame.PassProgress;
import org.wirelab.core.protocol.tcp.Tcp;

/**
 * When each TCP segment of a capture was taken by its receiver, as far as the capture proves it: the
 * 0-based index of the frame at which the receiver's state may change, or {@link #NEVER}.
 *
 * <p>A capture point sees a segment pass, not its arrival. What proves arrival is the receiver's own
 * answer: a SYN or a FIN consumes a sequence number, so the receiver's first later segment whose
 * acknowledgement covers it shows that the receiver took it (in window, no hole before it) before
 * sending that segment. A FIN after a lost segment is thus taken when the retransmission fills the
 * hole, at the ACK that covers both; two FINs neither of which acknowledges the other crossed on the
 * way. A SYN or FIN that nothing acknowledges never changed its receiver. Other segments (ACKs, data,
 * RSTs) cannot be acknowledged: one arrives no earlier than its frame and no earlier than the segments
 * its sender sent before it (a network without reordering keeps their order), except that an ACK of a
 * FIN that its peer sends again afterwards did not arrive (the TIME-WAIT re-ACK case). Frames a
 * simulator knows it lost never arrive.
 *
 * <p>The initial states of each stream are read here too, from its first frames: a SYN's sender was
 * CLOSED, and its receiver LISTEN if a SYN+ACK answers, CLOSED if a RST does (nothing listens),
 * unknown if nothing does; a SYN+ACK's sender is unknown (LISTEN, or SYN-SENT in a simultaneous open)
 * and its receiver in SYN-SENT; any other first segment means a connection already synchronized,
 * inferred ESTABLISHED on both sides.
 */
final class TcpArrivals {
    static final int NEVER = -1;

    private final int[] arrival;
    private final TcpState[][] initial;
    private final boolean[][] initialInferred;

    private TcpArrivals(int[] arrival, TcpState[][] initial, boolean[][] initialInferred) {
        this.arrival = arrival;
        this.initial = initial;
        this.initialInferred = initialInferred;
    }

    /** The arrival index of frame {@code i}: {@code i} itself, a later frame, or {@link #NEVER}. */
    int arrival(int i) {
        return arrival[i];
    }

    TcpState initialState(int stream, int endpoint) {
        return initial[stream][endpoint];
    }

    boolean initialInferred(int stream, int endpoint) {
        return initialInferred[stream][endpoint];
    }

    /**
     * Reads the segments: {@code stream[i]} is -1 for a frame that is no TCP segment; {@code sender},
     * {@code flags}, {@code sequence}, {@code acknowledgement}, {@code length} as the header says;
     * {@code delivered[i]} false for a frame known lost.
     */
    static TcpArrivals of(int count, int streams, int[] stream, byte[] sender, short[] flags, int[] sequence,
            int[] acknowledgement, int[] length, boolean[] delivered, PassProgress progress) {
        int[] arrival = new int[count];
        Arrays.fill(arrival, NEVER);
        int[][] pending = new int[2 * streams][];            // per flow: SYN and FIN segments not yet acknowledged
        int[] pendingCount = new int[2 * streams];
        int[] lastFinFrame = new int[2 * streams];
        int[] finEnd = new int[2 * streams];
        Arrays.fill(lastFinFrame, -1);
        TcpState[][] initial = new TcpState[streams][];
        boolean[][] inferred = new boolean[streams][];
        int[] firstSyn = new int[streams];
        Arrays.fill(firstSyn, -1);
        int[] highestAck = new int[2 * streams];          // per flow: the highest acknowledgement it sent
        boolean[] acked = new boolean[2 * streams];

        // First pass: the acknowledgement that proves each SYN and FIN arrived; the first frames' states.
        for (int i = 0; i < count; i++) {
            progress.at(i, count);
            int s = stream[i];
            if (s < 0) {
                continue;
            }
            int flow = 2 * s + sender[i];
            int reverse = flow ^ 1;
            int f = flags[i];
            if (initial[s] == null) {
                initial[s] = firstStates(f, sender[i]);
                inferred[s] = new boolean[] {initial[s][0] == TcpState.ESTABLISHED, initial[s][1] == TcpState.ESTABLISHED};
                if ((f & (Tcp.SYN | Tcp.ACK)) == Tcp.SYN) {
                    firstSyn[s] = sender[i];
                }
            } else if (firstSyn[s] >= 0 && sender[i] != firstSyn[s]) {
                // The first answer to the opening SYN tells what the far side was doing.
                int answerer = sender[i];
                initial[s][answerer] = (f & Tcp.SYN) != 0 ? ((f & Tcp.ACK) != 0 ? TcpState.LISTEN : TcpState.CLOSED)
                        : (f & Tcp.RST) != 0 ? TcpState.CLOSED : TcpState.UNKNOWN;
                firstSyn[s] = -1;
            }
            if ((f & Tcp.ACK) != 0) {
                if (!acked[flow] || acknowledgement[i] - highestAck[flow] > 0) {
                    highestAck[flow] = acknowledgement[i];
                    acked[flow] = true;
                }
                int[] list = pending[reverse];
                int kept = 0;
                for (int k = 0; k < pendingCount[reverse]; k++) {
                    int p = list[k];
                    if (acknowledgement[i] - end(p, sequence, length, flags) >= 0) {
                        arrival[p] = i;
                    } else {
                        list[kept++] = p;
                    }
                }
                pendingCount[reverse] = kept;
            }
            if ((f & (Tcp.SYN | Tcp.FIN)) != 0 && (f & Tcp.RST) == 0) {
                if ((f & Tcp.FIN) != 0) {
                    lastFinFrame[flow] = i;
                    finEnd[flow] = end(i, sequence, length, flags);
                }
                if (delivered[i] && acked[reverse] && highestAck[reverse] - end(i, sequence, length, flags) >= 0) {
                    // Acknowledged before it was captured: a copy sent again, or a frame captured late
                    // (zeek's handshake-reorder.pcap). Its receiver had it already; it changes nothing.
                    arrival[i] = i;
                } else if (delivered[i]) {
                    if (pending[flow] == null) {
                        pending[flow] = new int[4];
                    } else if (pendingCount[flow] == pending[flow].length) {
                        pending[flow] = Arrays.copyOf(pending[flow], 2 * pendingCount[flow]);
                    }
                    pending[flow][pendingCount[flow]++] = i;
                }
            }
        }

        // Second pass: segments that cannot be acknowledged arrive in their sender's order.
        int[] latest = new int[2 * streams];
        Arrays.fill(latest, -1);
        for (int i = 0; i < count; i++) {
            int s = stream[i];
            if (s < 0 || !delivered[i]) {
                continue;
            }
            int flow = 2 * s + sender[i];
            int reverse = flow ^ 1;
            int f = flags[i];
            if ((f & (Tcp.SYN | Tcp.FIN)) != 0 && (f & Tcp.RST) == 0) {
                if (arrival[i] == i) {
                    continue;     // already acknowledged: says nothing of when later segments arrive
                }
                if (arrival[i] != NEVER) {
                    arrival[i] = Math.max(arrival[i], latest[flow]);
                    latest[flow] = arrival[i];
                }
                continue;
            }
            boolean finSentAgainLater = (f & Tcp.ACK) != 0 && lastFinFrame[reverse] > i
                    && acknowledgement[i] - finEnd[reverse] >= 0;
            if (finSentAgainLater) {
                // The peer sent its FIN again after this ACK: it had not arrived (its timer is at least
                // 200 ms, far longer than the ACK's way). Not so for a SYN-ACK: both ends' first SYN
                // timers are 1 s, so a copy sent again often crosses the ACK (reference lost-syn-ack).
                continue;
            }
            arrival[i] = Math.max(i, latest[flow]);
            latest[flow] = arrival[i];
        }
        for (int s = 0; s < streams; s++) {
            if (initial[s] == null) {
                initial[s] = new TcpState[] {TcpState.UNKNOWN, TcpState.UNKNOWN};
                inferred[s] = new boolean[2];
            }
        }
        return new TcpArrivals(arrival, initial, inferred);
    }

    /** The sequence number after segment {@code i}: its data, then its SYN and FIN. */
    static int end(int i, int[] sequence, int[] length, short[] flags) {
        return sequence[i] + length[i] + ((flags[i] & Tcp.SYN) != 0 ? 1 : 0) + ((flags[i] & Tcp.FIN) != 0 ? 1 : 0);
    }

    static TcpState[] firstStates(int flags, int sender) {
        TcpState senderState;
        TcpState receiverState;
        if ((flags & (Tcp.SYN | Tcp.ACK)) == Tcp.SYN) {
            senderState = TcpState.CLOSED;
            receiverState = TcpState.UNKNOWN;          // until its answer says
        } else if ((flags & Tcp.SYN) != 0) {
            senderState = TcpState.UNKNOWN;            // LISTEN, or SYN-SENT in a simultaneous open
            receiverState = TcpState.SYN_SENT;
        } else {
            senderState = TcpState.ESTABLISHED;
            receiverState = TcpState.ESTABLISHED;
        }
        TcpState[] states = new TcpState[2];
        states[sender] = senderState;
        states[1 - sender] = receiverState;
        return states;
    }
}

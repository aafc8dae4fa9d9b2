package org.wirelab.simulator.tcp;

import org.wirelab.core.tcpstate.TcpState;
import org.wirelab.simulator.net.Packet;
import org.wirelab.simulator.net.Packet.Marks;
import org.wirelab.core.protocol.tcp.Tcp;

/**
 * Sending (RFC 9293 section 3.8.6, RFC 5681): what the send and congestion windows let go, in whole
 * segments as the write queue cut them, after Nagle's algorithm; what a timeout has us send again;
 * and the retransmission of one segment, as fast retransmit and recovery ask.
 */
final class SegmentSender extends EndpointPart {
    private static final long NONE = SendSequence.NONE;

    SegmentSender(TcpEndpoint endpoint) {
        super(endpoint);
    }

    /**
     * Sends what the windows allow (RFC 9293 section 3.8.6, RFC 5681), then FIN when queued: first
     * what a timeout has us send again, cut at the MSS, then the write queue's segments, each whole,
     * as Linux's tcp_write_xmit does.
     */
    void output() {
        if (tcb.state == TcpState.CLOSED || tcb.state == TcpState.SYN_SENT || tcb.state == TcpState.SYN_RECEIVED
                || tcb.state == TcpState.TIME_WAIT || tcb.state == TcpState.LISTEN) {
            return;
        }
        long dataEnd = 1 + tcb.sendBuffer.end();
        long sentBefore = tcb.retransmissions + snd.max;
        if (tcb.congestion.inSackRecovery()) {
            endpoint.recovery.sendDuringRecovery();
        } else {
            while (snd.nxt < snd.max && sendAgain(dataEnd)) {
                // go-back-N after a timeout, as far as the windows allow
            }
            while (snd.nxt == snd.max && sendNew(dataEnd, snd.una + tcb.congestion.congestionWindow() - snd.nxt)) {
                // the write queue, segment by segment
            }
        }
        tcb.congestion.sent(tcb.retransmissions + snd.max != sentBefore, snd.flightSize(), snd.una, snd.nxt);
        if (dataEnd > snd.nxt && snd.nxt == snd.una && snd.nxt == snd.max && !timers.persist.running() && !endpoint.sendCalls.inSendCall()) {
            // Data waits, nothing is in flight to bring an ACK: the window is closed (or too small for
            // the next segment), and only the persist timer will move things on (section 3.8.6.1 and
            // 3.8.6.2.1).
            timers.retransmission.stop();
            timers.persist.start(tcb.rtt.persistInterval(tcb.probes));
        }
    }

    /** Sends again, after a timeout, the segment at SND.NXT below SND.MAX; false when the windows are full. */
    private boolean sendAgain(long dataEnd) {
        snd.nxt = Math.min(snd.max, tcb.scoreboard.sackedUpTo(snd.nxt)); // the receiver has these already
        if (snd.nxt == snd.max) {
            return false;
        }
        long room = snd.una + Math.min(snd.wnd, tcb.congestion.congestionWindow()) - snd.nxt;
        long unsent = Math.min(Math.min(dataEnd, snd.max), tcb.scoreboard.nextSackedStart(snd.nxt)) - snd.nxt;
        long length = Math.max(0, Math.min(Math.min(unsent, room), sendMss()));
        boolean fin = tcb.finQueued && snd.nxt + length == dataEnd && snd.max > dataEnd;
        if (length == 0 && !fin) {
            return false;
        }
        transmit(snd.nxt, (int) length, fin, snd.nxt + length == dataEnd);
        snd.nxt += length + (fin ? 1 : 0);
        return !fin;
    }

    /**
     * Sends the write queue's oldest segment, with FIN if it is the last and the application has
     * closed, or FIN alone; false when it must wait. A segment leaves whole: if the send window
     * (tcp_snd_wnd_test) or the congestion window cannot take all of it, it waits. A segment shorter
     * than the MSS waits too while an earlier short one is unacknowledged: Nagle's algorithm (RFC 896)
     * with Minshall's change, as Linux has it (tcp_nagle_check, tcp_minshall_check).
     */
    boolean sendNew(long dataEnd, long congestionRoom) {
        tcb.writeQueue.sentUpTo(snd.nxt);
        if (tcb.writeQueue.isEmpty()) {
            if (tcb.finQueued && snd.nxt == dataEnd) {
                transmit(snd.nxt, 0, true, false); // FIN needs no window
                snd.nxt++;
            }
            return false;
        }
        long notYet = tcb.writeQueue.firstReadyAt() - endpoint.now();
        if (notYet > 0) {
            if (!timers.copied.running()) {
                timers.copied.start(notYet); // still being copied in: it leaves once full
            }
            return false;
        }
        int length = tcb.writeQueue.firstLength();
        boolean fin = tcb.finQueued && tcb.writeQueue.firstIsLast() && snd.nxt + length == dataEnd;
        long room = Math.min(snd.una + snd.wnd - snd.nxt, congestionRoom);
        if (length > room) {
            return false;
        }
        boolean shortSegment = length < sendMss();
        if (shortSegment && !fin && tcb.config.nagle() && snd.nxt > snd.una && snd.sml > snd.una) {
            return false;
        }
        transmit(snd.nxt, length, fin, tcb.writeQueue.firstPushed());
        tcb.writeQueue.removeFirst();
        snd.nxt += length + (fin ? 1 : 0);
        if (shortSegment) {
            snd.sml = snd.nxt;
        }
        return !fin;
    }

    /**
     * The largest segment to send: the MSS, but at most half the largest window the peer has offered,
     * as Linux's tcp_bound_to_half_wnd does (sender silly window avoidance, RFC 9293 section 3.8.6.2.1),
     * which on a loopback with a 64 KiB first window halves its 65483-byte MSS.
     */
    int sendMss() {
        long cutoff = snd.maxWnd > 536 ? snd.maxWnd / 2 : snd.maxWnd;
        return cutoff > 0 && options.mss > cutoff ? (int) Math.max(cutoff, 68 - 32) : options.mss;
    }

    long finSequence() {
        return 1 + tcb.sendBuffer.end();
    }

    /** Sends the segment at sequence offset {@code from}: {@code length} data bytes, then FIN if asked. */
    void transmit(long from, int length, boolean fin, boolean push) {
        byte[] data = length == 0 ? Segments.EMPTY : tcb.sendBuffer.copy(from - 1, length);
        int flags = Tcp.ACK;
        if (fin) {
            flags |= Tcp.FIN;
        }
        if (length > 0 && push) {
            flags |= Tcp.PSH;
        }
        Packet segment = endpoint.segments.packet(flags, from, data);
        long end = from + length + (fin ? 1 : 0);
        boolean again = from < snd.max;
        if (again) {
            segment.marks |= Marks.RETRANSMISSION;
            tcb.retransmissions++;
        } else {
            if (length > 0) {
                tcb.acks.dataSent(endpoint.now()); // an answer to what just arrived?
            }
            if (tcb.timedSequence == NONE) {
                tcb.timedSequence = end; // Karn: time only a segment sent once
                tcb.timedAt = endpoint.now();
            }
        }
        snd.max = Math.max(snd.max, end);
        endpoint.segments.send(segment);
        tcb.rack.sent(from, end, endpoint.now(), again);
        if (!timers.retransmission.running() && !timers.lossProbe.running()) {
            timers.retransmission.start(tcb.rtt.rto());
        }
        if (!again) {
            endpoint.recovery.scheduleLossProbe(false);
        }
    }

    /** Resends the first unacknowledged segment (NewReno's next hole after a partial ACK). */
    void retransmitFirst(boolean fast) {
        retransmit(snd.una, fast);
    }

    /**
     * Resends a segment from {@code from}: up to an MSS, not beyond the next SACKed range; the fast
     * retransmission is the first of a recovery. Moves HighRxt (RFC 6675).
     */
    void retransmit(long from, boolean fast) {
        long dataEnd = 1 + tcb.sendBuffer.end();
        long upTo = Math.min(Math.min(dataEnd, snd.max), tcb.scoreboard.nextSackedStart(from));
        int length = (int) Math.min(sendMss(), Math.max(0, upTo - from));
        // The FIN goes again with the last bytes, unless the receiver has SACKed it (it came out of order).
        boolean fin = tcb.finQueued && from + length == dataEnd && snd.max > dataEnd && !tcb.scoreboard.isSacked(dataEnd);
        if (length == 0 && !fin) {
            return;
        }
        byte[] data = length == 0 ? Segments.EMPTY : tcb.sendBuffer.copy(from - 1, length);
        // PSH again where the bytes end what was written, as the original had it.
        int push = length > 0 && from + length == dataEnd ? Tcp.PSH : 0;
        Packet segment = endpoint.segments.packet(Tcp.ACK | push | (fin ? Tcp.FIN : 0), from, data);
        segment.marks |= Marks.RETRANSMISSION | (fast ? Marks.FAST_RETRANSMISSION : 0);
        tcb.retransmissions++;
        if (tcb.timedSequence != NONE && tcb.timedSequence > from) {
            tcb.timedSequence = NONE; // Karn's algorithm: a retransmitted range gives no RTT sample
        }
        tcb.highRxt = Math.max(tcb.highRxt, from + length + (fin ? 1 : 0));
        if (tcb.undoRetransmissions >= 0) {
            tcb.undoRetransmissions++;
        }
        endpoint.segments.send(segment);
        tcb.rack.sent(from, from + length + (fin ? 1 : 0), endpoint.now(), true);
        if (!timers.retransmission.running()) {
            timers.retransmission.start(tcb.rtt.rto());
        }
    }
}

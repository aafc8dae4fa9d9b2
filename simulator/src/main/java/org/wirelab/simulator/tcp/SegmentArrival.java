package org.wirelab.simulator.tcp;

import org.wirelab.core.tcpstate.TcpState;
import org.wirelab.simulator.net.Packet;
import org.wirelab.core.protocol.tcp.Tcp;

/**
 * SEGMENT ARRIVES (RFC 9293 section 3.10.7): a segment for this connection, checked in the RFC's
 * order: in SYN-SENT the handshake's answer; otherwise the sequence number (is it acceptable?), RST,
 * SYN, ACK (with {@link AckArrival}), the text ({@link DataArrival}) and the FIN. What it owes in
 * return (an ACK, a wake-up of the application) goes when its processing ends.
 */
final class SegmentArrival extends EndpointPart {
    private static final long NONE = SendSequence.NONE;

    SegmentArrival(TcpEndpoint endpoint) {
        super(endpoint);
    }

    void receive(Packet segment) {
        if (endpoint.sendCalls.inSendCall()) {
            // The application's send call holds the socket while it copies (Linux's lock_sock): what
            // arrives meanwhile waits in the backlog until the call returns (release_sock).
            tcb.backlog.addLast(segment);
            return;
        }
        switch (tcb.state) {
            case CLOSED, LISTEN -> { }
            case SYN_SENT -> endpoint.handshake.receiveInSynSent(segment);
            default -> receiveSynchronized(segment);
        }
        endpoint.acknowledgments.flushAcknowledgment();
        endpoint.wakeApplication();
    }

    /** Section 3.10.7.4, "Otherwise": the checks in their order, each of which may end the processing. */
    private void receiveSynchronized(Packet segment) {
        long seq = rcv.unwrap(segment.sequenceNumber);
        int length = segment.payload.length;
        boolean crossing = endpoint.handshake.crossingSynAck(segment, seq);
        boolean acceptable = crossing || acceptable(seq, length);
        if (endpoint.handshake.answeredRepeatedSyn(segment)) {
            return;
        }
        if (!acceptable) {
            if (segment.has(Tcp.RST)) {
                return;
            }
            if (!(rcv.finReceived && seq == rcv.next() - 1 && length == 0 && segment.has(Tcp.FIN))) {
                rejected(segment, seq, length);
                return;
            }
            // a retransmitted FIN: acknowledged again below
        }
        if (segment.has(Tcp.RST)) {
            timers.stopAll();
            endpoint.enter(TcpState.CLOSED);
            endpoint.fail("reset by the peer (RST)");
            return;
        }
        if (segment.has(Tcp.SYN) && !crossing) {
            tcb.ackNow = true; // RFC 5961 section 4: a challenge ACK
            return;
        }
        if (!segment.has(Tcp.ACK)) {
            return;
        }
        if (options.timestamps && segment.timestamps && seq <= rcv.next()) {
            options.tsRecent = segment.timestampValue;
        }
        if (tcb.state == TcpState.SYN_RECEIVED && !endpoint.handshake.completedBy(segment, seq)) {
            return;
        }
        if (!endpoint.ackArrival.processAck(segment, true)) {
            return;
        }
        // The peer is alive: keep-alive counts idleness from here, and its probes start again.
        tcb.lastReceivedAt = endpoint.now();
        tcb.keepAliveProbes = 0;
        if (length > 0) {
            endpoint.dataArrival.receiveData(seq, segment);
        }
        receiveFinFlag(segment, seq, length);
    }

    /** The first check (section 3.10.7.4): does the segment fall in the receive window (the four cases)? */
    private boolean acceptable(long seq, int length) {
        long window = rcv.announcedWindow();
        if (length == 0) {
            return window == 0 ? seq == rcv.next() : seq >= rcv.next() && seq < rcv.next() + Math.max(window, 1);
        }
        return window > 0 && (seq < rcv.next() + window && seq + length > rcv.next());
    }

    /**
     * An unacceptable segment is answered by an ACK (section 3.10.7.4), with a D-SACK if every byte of
     * it had arrived already (RFC 2883 section 4); its ACK field is still read.
     */
    private void rejected(Packet segment, long seq, int length) {
        tcb.ackNow = true;
        if (length > 0 && seq + length <= rcv.next() && options.sackPermitted) {
            tcb.duplicateReport = new long[] {seq - 1, seq - 1 + length};
        }
        if (segment.has(Tcp.ACK)) {
            endpoint.ackArrival.processAck(segment, false);
        }
    }

    /** The eighth check, the FIN bit; and a FIN that waited beyond a gap the text has just filled. */
    private void receiveFinFlag(Packet segment, long seq, int length) {
        if (rcv.finAhead != NONE && !rcv.finReceived && rcv.next() == rcv.finAhead) {
            // The gap before a FIN that came out of order has filled: the FIN counts now, and the ACK
            // that says so leaves at once, as for any segment that fills a gap.
            rcv.finAhead = NONE;
            receiveFin();
            tcb.ackNow = true;
        }
        if (segment.has(Tcp.FIN) && seq + length == rcv.next() && !rcv.finReceived) {
            receiveFin();
        } else if (segment.has(Tcp.FIN) && rcv.finReceived) {
            tcb.ackNow = true;
        } else if (segment.has(Tcp.FIN) && seq + length > rcv.next()) {
            // A FIN beyond a gap: kept, as Linux keeps it in its out-of-order queue, and SACKed; the
            // state changes only when the gap fills (RFC 9293 section 3.10.7.4, eighth check).
            rcv.finAhead = seq + length;
            tcb.ackNow = true;
        }
    }

    /** The ACK of our FIN moves the close on (FIN-WAIT-1, CLOSING, LAST-ACK in section 3.10.7.4). */
    void finAcknowledged() {
        boolean finAcked = tcb.finQueued && snd.una == endpoint.sender.finSequence() + 1;
        if (!finAcked) {
            return;
        }
        switch (tcb.state) {
            case FIN_WAIT_1 -> endpoint.enter(TcpState.FIN_WAIT_2);
            case CLOSING -> enterTimeWait();
            case LAST_ACK -> {
                timers.stopAll();
                endpoint.enter(TcpState.CLOSED);
                endpoint.handler.closed(endpoint);
            }
            default -> { }
        }
    }

    /** The peer's FIN, in order: it takes the state towards the close (section 3.10.7.4, eighth check). */
    private void receiveFin() {
        rcv.finReceived = true;
        tcb.notifyReadable = true;
        switch (tcb.state) {
            case ESTABLISHED -> {
                endpoint.enter(TcpState.CLOSE_WAIT);
                // Acknowledged after a short delay, so a program that closes at once sends FIN+ACK together.
                endpoint.acknowledgments.delay();
            }
            case FIN_WAIT_1 -> {
                endpoint.enter(TcpState.CLOSING); // simultaneous close (section 3.6, figure 13)
                tcb.ackNow = true;
            }
            case FIN_WAIT_2 -> {
                enterTimeWait();
                tcb.ackNow = true;
            }
            default -> tcb.ackNow = true;
        }
    }

    private void enterTimeWait() {
        timers.stopAll();
        endpoint.enter(TcpState.TIME_WAIT);
        timers.timeWait.start(tcb.config.timeWait().toNanos());
        endpoint.handler.closed(endpoint);
    }
}

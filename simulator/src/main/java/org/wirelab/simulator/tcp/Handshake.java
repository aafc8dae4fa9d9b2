package org.wirelab.simulator.tcp;

import org.wirelab.core.tcpstate.TcpState;
import org.wirelab.simulator.net.Packet;
import org.wirelab.simulator.net.Packet.Marks;
import org.wirelab.core.protocol.tcp.Tcp;

/**
 * Opening a connection (RFC 9293 sections 3.5 and 3.10.7.2-3): the SYN and SYN-ACK with Linux's
 * options and first window, what the peer's SYN agreed on, the answer in SYN-SENT (ESTABLISHED, a
 * refusal, or a simultaneous open), a repeated SYN answered again, and the ACK that completes a
 * passive open.
 */
final class Handshake extends EndpointPart {
    private static final long MASK = SendSequence.MASK;
    private static final long NONE = SendSequence.NONE;

    Handshake(TcpEndpoint endpoint) {
        super(endpoint);
    }

    /** Active open (RFC 9293 section 3.10.1): sends SYN. */
    void connect() {
        endpoint.enter(TcpState.SYN_SENT);
        sendSyn(false);
        timers.retransmission.start(tcb.rtt.rto());
    }

    /** Passive open: this endpoint was made by a listener for {@code syn} (section 3.10.7.2). */
    void acceptSyn(Packet syn) {
        endpoint.enter(TcpState.LISTEN);
        rcv.irs = syn.sequenceNumber;
        rcv.buffer.accept(0, Segments.EMPTY);
        readSynOptions(syn);
        options.tsRecent = syn.timestampValue;
        snd.wnd = syn.window; // never scaled in a SYN (RFC 7323 section 2.2)
        snd.wl1 = 0;
        endpoint.enter(TcpState.SYN_RECEIVED);
        sendSyn(true);
        timers.retransmission.start(tcb.rtt.rto());
    }

    private void readSynOptions(Packet syn) {
        if (syn.maximumSegmentSize > 0) {
            options.mss = Math.min(tcb.config.mss(tcb.ipv6), syn.maximumSegmentSize);
        } else {
            options.mss = Math.min(tcb.config.mss(tcb.ipv6), 536); // RFC 9293 section 3.7.1: the default send MSS
        }
        options.timestamps = syn.timestamps;
        options.sackPermitted = syn.sackPermitted;
        rcv.peerScales = syn.windowScale >= 0;
        if (rcv.peerScales) {
            snd.wscale = Math.min(14, syn.windowScale);
        } else {
            snd.wscale = 0;
            rcv.wscale = 0; // window scaling needs both sides (RFC 7323 section 2.2)
        }
        if (options.timestamps) {
            options.mss -= 12; // the timestamps option takes 12 bytes of each segment (with its 2 NOPs)
        }
        tcb.congestion.start(options.mss, tcb.config.initialWindowSegments());
    }

    static final long DUPLICATE_SYN_QUIET = 500_000_000L;

    void sendSyn(boolean withAck) {
        if (withAck) {
            tcb.lastSynAckAt = endpoint.now();
        }
        Packet syn = endpoint.segments.newPacket(Segments.EMPTY);
        syn.sequenceNumber = snd.iss;
        syn.acknowledgmentNumber = withAck ? rcv.wireNext() : 0;
        syn.flags = withAck ? Tcp.SYN | Tcp.ACK : Tcp.SYN;
        int mss = tcb.config.mss(tcb.ipv6);
        // Linux's first window: the buffer (at most 64 KiB unscaled), rounded down to a multiple of the
        // segments it expects: the MSS, less the timestamps option once both sides use it (SYN-ACK).
        int unit = withAck && options.timestamps ? mss - 12 : mss;
        int window = Math.min(tcb.config.receiveBuffer(), 65_535);
        if (window > unit) {
            window = window / unit * unit;
        }
        syn.window = window;
        tcb.receiveWindow.start(window, mss, endpoint.now());
        syn.maximumSegmentSize = mss;
        syn.sackPermitted = true;
        if (!withAck || options.timestamps) {
            syn.timestamps = true;
            syn.timestampValue = options.tsValue(endpoint.now());
            syn.timestampEchoReply = withAck ? options.tsRecent : 0;
        }
        if (!withAck || rcv.peerScales) {
            syn.windowScale = tcb.config.windowScale(); // a SYN-ACK answers an offer, even of a shift of 0
        }
        syn.relativeSequence = 0;
        if (snd.max > 0) {
            syn.marks |= Marks.RETRANSMISSION;
            tcb.retransmissions++;
        }
        snd.nxt = 1;
        snd.max = 1;
        rcv.advertisedEdge = withAck ? window : 0;
        tcb.lastAckSent = withAck ? syn.acknowledgmentNumber : NONE;
        endpoint.segments.send(syn);
    }

    void receiveInSynSent(Packet segment) {
        boolean ackOk = segment.has(Tcp.ACK) && segment.acknowledgmentNumber == ((snd.iss + 1) & MASK);
        if (segment.has(Tcp.RST)) {
            if (ackOk) {
                timers.stopAll();
                endpoint.enter(TcpState.CLOSED);
                endpoint.fail("refused: the SYN was answered by RST");
            }
            return;
        }
        if (segment.has(Tcp.SYN) && !segment.has(Tcp.ACK)) {
            simultaneousOpen(segment);
            return;
        }
        if (!segment.has(Tcp.SYN) || !ackOk) {
            return;
        }
        rcv.irs = segment.sequenceNumber;
        rcv.buffer.accept(0, Segments.EMPTY);
        readSynOptions(segment);
        options.tsRecent = segment.timestampValue;
        snd.una = 1;
        snd.wnd = segment.window;
        snd.maxWnd = snd.wnd;
        snd.wl1 = 0;
        snd.wl2 = 1;
        endpoint.ackArrival.sampleRtt(1);
        timers.retransmission.stop();
        tcb.retries = 0;
        tcb.rtt.resetBackoff();
        rcv.advertisedEdge = 0;
        endpoint.enter(TcpState.ESTABLISHED);
        tcb.ackNow = true;
        tcb.establishedPending = true;
    }

    /**
     * A SYN in SYN-SENT: the peer opened towards us at the same moment (RFC 9293 section 3.5, figure 8;
     * section 3.10.7.3, fourth check). Its sequence is synchronised, ours not yet: SYN-RECEIVED, and a
     * SYN-ACK that sends our SYN again with the acknowledgment of theirs.
     */
    private void simultaneousOpen(Packet syn) {
        rcv.irs = syn.sequenceNumber;
        readSynOptions(syn);
        options.tsRecent = syn.timestampValue;
        snd.wnd = syn.window; // never scaled in a SYN (RFC 7323 section 2.2)
        snd.maxWnd = snd.wnd;
        snd.wl1 = 0;
        endpoint.enter(TcpState.SYN_RECEIVED);
        sendSyn(true);
        timers.retransmission.start(tcb.rtt.rto());
    }

    /**
     * In SYN-RECEIVED after a simultaneous open, the peer's own SYN-ACK: it carries the SYN already
     * acknowledged and the acknowledgment of ours. Linux lets it through (tcp_validate_incoming)
     * where any other SYN in a synchronized state gets a challenge ACK; figure 8 of RFC 9293, line 6.
     */
    boolean crossingSynAck(Packet segment, long seq) {
        return tcb.state == TcpState.SYN_RECEIVED && tcb.client && segment.has(Tcp.SYN) && segment.has(Tcp.ACK)
                && seq + 1 == rcv.next() && snd.unwrap(segment.acknowledgmentNumber) == snd.nxt;
    }

    /**
     * The client's SYN again in SYN-RECEIVED: our SYN-ACK was lost or is late. Answered at once, as
     * Linux does (tcp_check_req), even if our own timer has just resent it; but SYNs are answered at
     * most once within tcp_invalid_ratelimit (500 ms, tcp_oow_rate_limited). The timer keeps its
     * course. True when the segment was such a SYN (its processing ends).
     */
    boolean answeredRepeatedSyn(Packet segment) {
        if (!segment.has(Tcp.SYN) || segment.has(Tcp.ACK) || tcb.state != TcpState.SYN_RECEIVED) {
            return false;
        }
        if (endpoint.now() - tcb.lastSynAnswerAt >= DUPLICATE_SYN_QUIET) {
            tcb.lastSynAnswerAt = endpoint.now();
            sendSyn(true);
        }
        return true;
    }

    /**
     * In SYN-RECEIVED, an acceptable ACK of our SYN completes the handshake (section 3.10.7.4, fifth
     * check): ESTABLISHED, and the listener's application is told. False if it acknowledges something else.
     */
    boolean completedBy(Packet segment, long seq) {
        if (snd.unwrap(segment.acknowledgmentNumber) != 1) {
            return false;
        }
        snd.una = 1;
        snd.wl1 = seq;
        snd.wl2 = 1;
        snd.wnd = (long) segment.window << (segment.has(Tcp.SYN) ? 0 : snd.wscale);
        snd.maxWnd = snd.wnd;
        endpoint.ackArrival.sampleRtt(1);
        timers.retransmission.stop();
        tcb.retries = 0;
        tcb.rtt.resetBackoff();
        endpoint.enter(TcpState.ESTABLISHED);
        endpoint.stack.established(endpoint);
        tcb.establishedPending = true;
        return true;
    }
}

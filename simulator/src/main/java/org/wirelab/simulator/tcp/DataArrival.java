package org.wirelab.simulator.tcp;

import org.wirelab.core.tcpstate.TcpState;
import org.wirelab.simulator.net.Packet;

/**
 * The text of an acceptable segment (RFC 9293 section 3.10.7.4, seventh check): into the receive
 * buffer, in order or beyond a gap (a copy of what is held there reported by a D-SACK), what Linux
 * learns from it (the sender's segment size, the receiver's round trip, a window that may grow), and
 * then the ACK policy's decision.
 */
final class DataArrival extends EndpointPart {
    private static final long MASK = SendSequence.MASK;

    DataArrival(TcpEndpoint endpoint) {
        super(endpoint);
    }

    /** The {@code segment}'s data, from sequence offset {@code seq}. */
    void receiveData(long seq, Packet segment) {
        if (tcb.state != TcpState.ESTABLISHED && tcb.state != TcpState.FIN_WAIT_1 && tcb.state != TcpState.FIN_WAIT_2) {
            return;
        }
        if (tcb.applicationClosed) {
            // close() was called: nobody will read these bytes. Linux resets the connection (RFC 1122
            // section 4.2.2.13, RFC 2525 section 2.17): the socket goes to CLOSED at once (tcp_reset), and
            // the segment is answered as one to a closed port would be, by a bare RST at its
            // acknowledgment number (tcp_v4_send_reset).
            timers.stopAll();
            endpoint.enter(TcpState.CLOSED);
            endpoint.stack.reset(segment);
            return;
        }
        byte[] payload = segment.payload;
        measureRoundTrip(segment);
        boolean hadGap = rcv.buffer.hasGap();
        if (options.sackPermitted && rcv.buffer.holdsAhead(seq - 1, payload.length)) {
            // A second copy of data held beyond the gap: a D-SACK for it, then the SACK block that holds
            // it (RFC 2883 section 4.1.2), as Linux's tcp_data_queue_ofo does.
            tcb.duplicateReport = new long[] {seq - 1, seq - 1 + payload.length};
        }
        boolean moved = rcv.buffer.accept(seq - 1, payload);
        if (!moved) {
            tcb.ackNow = true; // out of order or a duplicate: ACK at once (RFC 5681 section 4.2)
            return;
        }
        tcb.notifyReadable = true;
        // Linux's tcp_event_data_recv: learn the sender's segment size, start or restart quick ACKs,
        // let the window grow.
        if (tcb.acks.measure(segment, options.timestamps)) {
            tcb.receiveWindow.segmentMeasured(payload.length);
        }
        long now = endpoint.now();
        tcb.acks.dataArrived(now, tcb.rtt.rto(), rcv.wnd);
        tcb.receiveWindow.dataArrived(rcv.next(), rcv.wnd, now);
        if (tcb.receiveWindow.grow(payload.length, tcb.config.mss(tcb.ipv6), rcv.buffer.readable() + rcv.buffer.aheadBytes())) {
            tcb.acks.windowGrew(); // a growing window is announced at once
        }
        endpoint.acknowledgments.afterData(hadGap);
    }

    /**
     * Linux's tcp_rcv_rtt_measure_ts: a data segment of a full MSS that echoes a timestamp not echoed
     * before measures the receiver's round trip, in whole milliseconds (none when under one).
     */
    private void measureRoundTrip(Packet segment) {
        if (!options.timestamps || !segment.timestamps || segment.timestampEchoReply == tcb.lastEchoForRtt) {
            return;
        }
        tcb.lastEchoForRtt = segment.timestampEchoReply;
        long elapsedMillis = (options.tsValue(endpoint.now()) - segment.timestampEchoReply) & MASK;
        if (segment.payload.length >= tcb.acks.rcvMss() && elapsedMillis > 0 && elapsedMillis < (1L << 31)) {
            tcb.receiveWindow.roundTrip(elapsedMillis * 1_000_000, rcv.buffer.readable() == 0);
        }
    }
}

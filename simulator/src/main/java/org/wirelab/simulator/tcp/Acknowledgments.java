package org.wirelab.simulator.tcp;

import org.wirelab.core.tcpstate.TcpState;
import org.wirelab.core.protocol.tcp.Tcp;

/**
 * When this side acknowledges (RFC 9293 section 3.8.6.3, RFC 5681 section 4.2, as Linux decides it):
 * at once for a filled gap, a quick ACK or a second full segment; after the delayed-ACK timer
 * otherwise; after the application's read (tcp_cleanup_rbuf) with a window update if the read opened
 * the window enough. {@link AckPolicy} holds Linux's heuristics these decisions ask.
 */
final class Acknowledgments extends EndpointPart {
    Acknowledgments(TcpEndpoint endpoint) {
        super(endpoint);
    }

    /**
     * New data has been queued in order ({@code hadGap}: it filled a gap): the ACK goes at once, or the
     * delayed-ACK timer starts (__tcp_ack_snd_check).
     */
    void afterData(boolean hadGap) {
        boolean quick = tcb.acks.quick();
        // More than one full segment since the last ACK, and the window it would announce is no
        // smaller (otherwise the reader's next read sends it, tcp_cleanup_rbuf).
        boolean segmentsOwed = rcv.next() - rcv.wup > tcb.acks.rcvMss() && endpoint.windowOffer.windowToAdvertise() >= rcv.wnd;
        if (hadGap || quick || segmentsOwed) {
            // A gap filled, a quick ACK, or a second full-sized segment (RFC 9293 section 3.8.6.3): no delay.
            tcb.ackNow = true;
            if (quick) {
                tcb.acks.quickAckUsed();
            }
        } else {
            delay();
        }
    }

    /** The ACK waits for the delayed-ACK timer, unless it already runs. */
    void delay() {
        if (!timers.delayedAck.running()) {
            timers.delayedAck.start(tcb.acks.delayedAckIn(endpoint.now()));
        }
    }

    /** The delayed ACK goes out alone: no answer came to carry it, so the exchange is not interactive. */
    void delayedAckTimeout() {
        tcb.acks.delayedAckExpired();
        sendAck();
    }

    /** A bare ACK of RCV.NXT, in the states that have an RCV.NXT to acknowledge. */
    private void sendAck() {
        if (tcb.state == TcpState.CLOSED || tcb.state == TcpState.SYN_SENT || tcb.state == TcpState.LISTEN) {
            return;
        }
        endpoint.segments.send(endpoint.segments.packet(Tcp.ACK, snd.nxt, Segments.EMPTY));
    }

    /** The ACK owed at once goes now, when an arriving segment's processing ends. */
    void flushAcknowledgment() {
        if (tcb.ackNow) {
            tcb.ackNow = false;
            sendAck();
        }
    }

    /**
     * Linux's tcp_cleanup_rbuf, after the application has read: an ACK still owed goes now if more
     * than a full segment came since the last one, or if the read emptied the buffer after a short
     * pushed segment (two of them in an interactive exchange); otherwise a window update, if the read
     * opened the window enough.
     */
    void cleanupAfterRead(long windowBefore) {
        boolean owed = timers.delayedAck.running();
        boolean emptied = rcv.buffer.readable() == 0;
        if (owed && (rcv.next() - rcv.wup > tcb.acks.rcvMss() || tcb.acks.dueAfterRead(emptied))) {
            sendAck();
            return;
        }
        maybeSendWindowUpdate(windowBefore);
    }

    /** A window update after a read, if the window grew enough to be worth announcing. */
    private void maybeSendWindowUpdate(long windowBefore) {
        if (tcb.state != TcpState.ESTABLISHED && tcb.state != TcpState.FIN_WAIT_1 && tcb.state != TcpState.FIN_WAIT_2) {
            return;
        }
        long advertised = rcv.announcedWindow();
        long possible = endpoint.windowOffer.windowToAdvertise();
        // Receiver silly window avoidance (section 3.8.6.2.2): announce a larger window only once it has
        // grown by an MSS or half the buffer; Linux sends the update when it at least doubles.
        long threshold = Math.min(tcb.config.receiveBuffer() / 2, options.mss);
        if (possible - advertised >= threshold && (advertised == 0 || possible >= 2 * advertised)) {
            endpoint.segments.send(endpoint.segments.packet(Tcp.ACK, snd.nxt, Segments.EMPTY));
        }
    }
}

package org.wirelab.simulator.tcp;

import org.wirelab.core.tcpstate.TcpState;
import org.wirelab.simulator.net.Packet;
import org.wirelab.core.protocol.tcp.Tcp;

/**
 * The ACK field of an arriving segment (RFC 9293 section 3.10.7.4, fifth check): SACK blocks into the
 * scoreboard, a new cumulative ACK (RTT sample, timers, congestion window), duplicate ACKs that start
 * a fast retransmit (RFC 5681, RFC 6675), D-SACKs that undo a needless recovery (RFC 3708), and the
 * send window's update (SND.WL1, SND.WL2).
 */
final class AckArrival extends EndpointPart {
    private static final long MASK = SendSequence.MASK;
    private static final long NONE = SendSequence.NONE;

    AckArrival(TcpEndpoint endpoint) {
        super(endpoint);
    }

    /** Processes the ACK field (section 3.10.7.4, fifth check); false when the segment must be dropped. */
    boolean processAck(Packet segment, boolean acceptable) {
        long ack = snd.unwrap(segment.acknowledgmentNumber);
        if (ack > snd.max) {
            tcb.ackNow = true; // acknowledges something not yet sent
            return false;
        }
        long window = (long) segment.window << (segment.has(Tcp.SYN) ? 0 : snd.wscale);
        boolean pureAck = segment.payload.length == 0 && (segment.flags & (Tcp.SYN | Tcp.FIN | Tcp.RST)) == 0;
        if (options.sackPermitted && segment.sackBlocks != null) {
            readSackBlocks(segment.sackBlocks, ack);
        }
        if (ack > snd.una) {
            newAck(ack);
        } else if (ack == snd.una && pureAck && window == snd.wnd && snd.max > snd.una && acceptable) {
            duplicateAck();
        }
        if (options.sackPermitted && tcb.state != TcpState.CLOSED) {
            endpoint.recovery.detectLoss();
        }
        long seq = rcv.unwrap(segment.sequenceNumber);
        // Window update rule (section 3.10.7.4): only a segment newer than the last one used.
        if (snd.wl1 < seq || (snd.wl1 == seq && snd.wl2 <= ack)) {
            boolean opened = snd.wnd == 0 && window > 0;
            snd.wnd = window;
            snd.maxWnd = Math.max(snd.maxWnd, window);
            snd.wl1 = seq;
            snd.wl2 = ack;
            if (opened) {
                timers.persist.stop();
                tcb.probes = 0;
                if (snd.nxt < snd.una) {
                    snd.nxt = snd.una;
                }
            }
        }
        endpoint.arrival.finAcknowledged();
        endpoint.sender.output();
        return tcb.state != TcpState.CLOSED;
    }

    private void newAck(long ack) {
        long acked = ack - snd.una;
        long roundTrip = tcb.rack.delivered(snd.una, ack, endpoint.now());
        tcb.rack.acknowledged(ack);
        tcb.probeOutstanding = false;
        snd.una = ack;
        snd.max = Math.max(snd.max, ack); // a probe's byte accepted
        if (snd.nxt < snd.una) {
            snd.nxt = snd.una; // acknowledges a window probe or what a timeout had us resend
        }
        tcb.sendBuffer.release(Math.max(0, snd.una - 1));
        tcb.scoreboard.acknowledged(snd.una);
        sampleRtt(ack);
        tcb.retries = 0;
        tcb.rtt.resetBackoff();
        if (tcb.congestion.newAck(ack, acked, snd.flightSize(), snd.nxt, roundTrip, endpoint.now())) {
            endpoint.sender.retransmitFirst(false); // NewReno: a partial ACK, the next hole is lost too
        }
        if (snd.una == snd.max) {
            timers.retransmission.stop(); // RFC 6298 section 5.2
            timers.lossProbe.stop();
        } else {
            timers.retransmission.start(tcb.rtt.rto()); // section 5.3
            endpoint.recovery.scheduleLossProbe(true);
        }
        tcb.notifyWritable = true;
    }

    /**
     * A duplicate ACK. The third, or with SACK enough SACKed above SND.UNA to presume it lost (RFC 6675
     * section 5, step 4), starts a recovery with a fast retransmit of the first unacknowledged segment
     * (RFC 5681 section 3.2); with SACK the rest of the recovery is {@link #sendDuringRecovery}'s.
     */
    private void duplicateAck() {
        int duplicates = tcb.congestion.duplicateAck();
        boolean presumedLost = options.sackPermitted && tcb.scoreboard.isLost(snd.una, options.mss);
        if ((duplicates >= SackScoreboard.DUP_THRESH || presumedLost) && tcb.congestion.mayStartRecovery(snd.una)) {
            tcb.congestion.enterRecovery(snd.flightSize(), snd.max, options.sackPermitted);
            tcb.undoRetransmissions = 0;
            tcb.highRxt = snd.una;
            // A fast retransmission as a capture shows it: after duplicate ACKs. One ACK whose SACK blocks
            // cover three segments (a receiver that ACKs a burst at once) starts the same recovery, but
            // its retransmission is a plain one to tshark.
            endpoint.sender.retransmit(snd.una, duplicates >= 2);
        }
    }

    /**
     * The SACK blocks of an ACK of {@code ack} (RFC 2018), into the scoreboard; blocks outside what was
     * sent and not acknowledged (old ones, a D-SACK) tell nothing new.
     */
    private void readSackBlocks(long[] blocks, long ack) {
        long wireUna = (snd.iss + snd.una) & MASK;
        if (blocks.length >= 2) {
            long start = snd.una + (int) (blocks[0] - wireUna);
            long end = snd.una + (int) (blocks[1] - wireUna);
            boolean inSecond = blocks.length >= 4 && start >= snd.una + (int) (blocks[2] - wireUna)
                    && end <= snd.una + (int) (blocks[3] - wireUna);
            if (end <= ack || inSecond) {
                duplicateReported();
            }
        }
        for (int i = 0; i + 1 < blocks.length; i += 2) {
            long start = snd.una + (int) (blocks[i] - wireUna);
            long end = snd.una + (int) (blocks[i + 1] - wireUna);
            if (start >= ack && end <= snd.max) {
                tcb.scoreboard.add(start, end);
                tcb.rack.delivered(start, end, endpoint.now());
            }
        }
    }

    /**
     * A D-SACK (RFC 2883): the receiver got something twice. When every segment the last recovery
     * sent again is reported so, the recovery was needless (reordering, or a duplicate): its window
     * reduction is undone (RFC 3708 section 3.2, as Linux's tcp_try_undo_dsack).
     */
    private void duplicateReported() {
        if (tcb.undoRetransmissions > 0 && --tcb.undoRetransmissions == 0) {
            tcb.congestion.undo();
            tcb.undoRetransmissions = -1;
        }
    }

    void sampleRtt(long ack) {
        if (tcb.timedSequence == NONE || ack < tcb.timedSequence) {
            if (tcb.state == TcpState.SYN_SENT || tcb.state == TcpState.SYN_RECEIVED) {
                if (tcb.retries == 0) {
                    tcb.rtt.sample(endpoint.now() - tcb.handshakeStart);
                    tcb.rack.roundTrip(endpoint.now() - tcb.handshakeStart);
                }
            }
            return;
        }
        tcb.rtt.sample(endpoint.now() - tcb.timedAt);
        tcb.timedSequence = NONE;
    }
}

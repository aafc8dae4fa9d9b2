package org.wirelab.simulator.tcp;

import java.util.List;
import org.wirelab.core.tcpstate.TcpState;

/**
 * Finding and repairing losses without waiting for the RTO: RACK's time-based detection and the tail
 * loss probe (RFC 8985), and the SACK-driven recovery that sends the segments presumed lost first
 * (RFC 6675 section 5).
 */
final class LossRecovery extends EndpointPart {
    LossRecovery(TcpEndpoint endpoint) {
        super(endpoint);
    }

    /**
     * RACK (RFC 8985 section 6.2): the segments sent before one that has been delivered, and not
     * delivered a reordering window later, are lost; the first loss starts a recovery, in which they
     * are sent again first (RFC 6675's NextSeg finds them). Otherwise the reorder timer looks again.
     */
    void detectLoss() {
        long window = tcb.rack.reorderingWindow(tcb.congestion.inRecovery(), tcb.scoreboard.sackedSegments(options.mss),
                tcb.rtt.srtt());
        RackTlp.Verdict verdict = tcb.rack.detect(endpoint.now(), window, tcb.scoreboard);
        List<long[]> lost = verdict.lost();
        for (int i = 0; i < lost.size(); i++) { // indexed: no iterator for the empty list of most ACKs
            tcb.scoreboard.markLost(lost.get(i)[0], lost.get(i)[1]);
        }
        if (!verdict.lost().isEmpty() && !tcb.congestion.inRecovery() && tcb.congestion.mayStartRecovery(snd.una)) {
            tcb.congestion.enterRecovery(snd.flightSize(), snd.max, true);
            tcb.undoRetransmissions = 0;
            tcb.highRxt = snd.una;
            timers.lossProbe.stop();
            if (!timers.retransmission.running()) {
                timers.retransmission.start(tcb.rtt.rto());
            }
        }
        if (verdict.lookAgainIn() > 0) {
            timers.reorder.start(verdict.lookAgainIn());
        } else {
            timers.reorder.stop();
        }
    }

    /**
     * Arms the tail loss probe (RFC 8985 section 7.2, Linux's tcp_schedule_loss_probe) in place of the
     * retransmission timer: only with SACK, outside any recovery, before any SACK, one probe per tail.
     */
    void scheduleLossProbe(boolean ackAdvanced) {
        long oldest = tcb.rack.oldestSentAt();
        if (!options.sackPermitted || tcb.congestion.inRecovery() || !tcb.scoreboard.isEmpty() || tcb.probeOutstanding
                || tcb.rtt.srtt() == 0 || oldest < 0 || snd.una == snd.max) {
            return;
        }
        // No later than the RTO: a whole one from now after an ACK that advanced SND.UNA (which restarts
        // it, RFC 6298 section 5.3), else counted from the oldest segment's sending (tcp_rto_delta_us).
        long rtoIn = ackAdvanced ? tcb.rtt.rto() : oldest + tcb.rtt.rto() - endpoint.now();
        int segments = tcb.rack.segmentsInFlight();
        if (segments > 1 && tcb.finQueued && tcb.rack.lastSegmentStart() == endpoint.sender.finSequence()) {
            // A bare FIN right behind the last data is counted with it, so the probe leaves room for a
            // delayed ACK. Linux counts two segments and probes after 2 SRTT + 8 ms; the simulated
            // chat's clients delay their ACKs where Linux's did not (FidelityTest), and would see a probe
            // that the real run did not have. Listed among the differences in samples/README.md.
            segments--;
        }
        timers.retransmission.stop();
        timers.lossProbe.start(tcb.rack.probeTimeout(tcb.rtt.srtt(), segments, rtoIn));
    }

    /**
     * The probe timer expired (RFC 8985 section 7.3): new data if the windows let one segment go, else
     * the last segment sent, again; then the retransmission timer runs as usual.
     */
    void onLossProbeTimeout() {
        if (snd.una == snd.max || tcb.state == TcpState.CLOSED) {
            return;
        }
        tcb.probeOutstanding = true;
        long before = snd.max;
        long dataEnd = 1 + tcb.sendBuffer.end();
        if (snd.nxt == snd.max) {
            endpoint.sender.sendNew(dataEnd, snd.una + snd.wnd - snd.nxt);
        }
        if (snd.max == before) {
            long last = Math.max(snd.una, tcb.rack.lastSegmentStart());
            endpoint.sender.retransmit(last, false);
        }
        timers.retransmission.start(tcb.rtt.rto());
    }

    /**
     * Loss recovery with SACK (RFC 6675 section 5): while the congestion window holds more than what
     * is in the network ({@code pipe}) by a segment, send the next segment presumed lost, or else new
     * data (NextSeg rules 1 and 2).
     */
    void sendDuringRecovery() {
        while (true) {
            long pipe = tcb.scoreboard.pipe(snd.una, snd.max, tcb.highRxt, options.mss);
            long room = tcb.congestion.congestionWindow() - pipe;
            if (room < options.mss) {
                return;
            }
            long lost = tcb.scoreboard.nextLost(Math.max(tcb.highRxt, snd.una), snd.max, options.mss);
            if (lost >= 0) {
                endpoint.sender.retransmit(lost, false);
                continue;
            }
            if (snd.nxt != snd.max || !endpoint.sender.sendNew(1 + tcb.sendBuffer.end(), room)) {
                return;
            }
        }
    }
}

package org.wirelab.simulator.tcp;

import org.wirelab.core.tcpstate.TcpState;
import org.wirelab.simulator.net.Packet;
import org.wirelab.simulator.net.Packet.Marks;
import org.wirelab.core.protocol.tcp.Tcp;

/**
 * What the retransmission and persist timers do when they expire: the SYN, SYN-ACK or data sent again
 * with backoff (RFC 6298 section 5), go-back-N from SND.UNA, giving up after the retries; and the
 * zero-window probe as Linux sends it (RFC 9293 section 3.8.6.1).
 */
final class Timeouts extends EndpointPart {
    private static final long NONE = SendSequence.NONE;

    Timeouts(TcpEndpoint endpoint) {
        super(endpoint);
    }

    void onRetransmissionTimeout() {
        tcb.retries++;
        if (tcb.ipv6) {
            // Linux draws a new txhash after a timeout (tcp_write_timeout, sk_rethink_txhash with
            // net.core.txrehash = 1), so that a path that lost the packets may be left: the flow label,
            // made from it (auto_flowlabels), changes.
            tcb.flowLabel = (int) (endpoint.stack.randomIsn() & 0xfffff);
        }
        tcb.rtt.backOff();
        tcb.timedSequence = NONE;
        switch (tcb.state) {
            case SYN_SENT -> {
                if (tcb.retries > tcb.config.synRetries()) {
                    giveUp("no answer to " + (tcb.retries) + " SYNs: the connection timed out");
                    return;
                }
                endpoint.handshake.sendSyn(false);
                timers.retransmission.start(tcb.rtt.rto());
            }
            case SYN_RECEIVED -> {
                if (tcb.retries > tcb.config.synAckRetries()) {
                    giveUp("no ACK to " + tcb.retries + " SYN-ACKs");
                    return;
                }
                endpoint.handshake.sendSyn(true);
                timers.retransmission.start(tcb.rtt.rto());
            }
            default -> {
                if (snd.una == snd.max) {
                    return;
                }
                if (tcb.retries > tcb.config.dataRetries()) {
                    giveUp("no acknowledgment after " + tcb.config.dataRetries() + " retransmissions: the connection timed out");
                    return;
                }
                // Start again from one segment, resending everything not acknowledged (go-back-N).
                tcb.congestion.timeout(snd.flightSize(), tcb.retries > 1, snd.max, snd.max, endpoint.now());
                tcb.undoRetransmissions = -1;
                snd.nxt = snd.una;
                transmitAgainAfterTimeout();
                timers.retransmission.start(tcb.rtt.rto());
            }
        }
    }

    private void transmitAgainAfterTimeout() {
        long dataEnd = 1 + tcb.sendBuffer.end();
        int length = (int) Math.min(endpoint.sender.sendMss(), Math.max(0, Math.min(dataEnd, snd.max) - snd.nxt));
        boolean fin = tcb.finQueued && snd.nxt + length == dataEnd && snd.max > dataEnd;
        if (length == 0 && !fin) {
            return;
        }
        endpoint.sender.transmit(snd.nxt, length, fin, snd.nxt + length == dataEnd);
        snd.nxt += length + (fin ? 1 : 0);
    }

    void persistTimeout() {
        long dataEnd = 1 + tcb.sendBuffer.end();
        if (dataEnd <= snd.nxt || tcb.state == TcpState.CLOSED || snd.nxt != snd.una) {
            return;
        }
        if (snd.wnd > 0) {
            // The override timeout of section 3.8.6.2.1: send what the small window takes.
            int length = (int) Math.min(Math.min(snd.wnd, dataEnd - snd.nxt), endpoint.sender.sendMss());
            endpoint.sender.transmit(snd.nxt, length, false, snd.nxt + length == dataEnd);
            snd.nxt += length;
            return;
        }
        // A zero-window probe as Linux sends it (tcp_write_wakeup, tcp_xmit_probe_skb): no data, and the
        // sequence number SND.UNA - 1, already acknowledged, so that the receiver answers with an ACK
        // that carries its window (RFC 9293 section 3.8.6.1 allows this form; tshark calls it a keep-alive).
        Packet probe = endpoint.segments.packet(Tcp.ACK, snd.una - 1, Segments.EMPTY);
        probe.marks |= Marks.ZERO_WINDOW_PROBE;
        endpoint.segments.send(probe);
        tcb.probes++;
        timers.persist.start(tcb.rtt.persistInterval(tcb.probes));
    }

    /**
     * The keep-alive timer (RFC 1122 section 4.2.3.6, Linux's tcp_keepalive_timer): nothing is sent
     * while data is in flight or waiting; otherwise, once the connection has been idle long enough, a
     * probe the peer must answer (an empty segment at SND.UNA - 1, as the zero-window probe; tshark
     * calls it a keep-alive), then one every interval until an answer comes or the count runs out.
     */
    void keepAliveTimeout() {
        KeepAlive keepAlive = tcb.keepAlive;
        if (keepAlive == null || tcb.state == TcpState.CLOSED || tcb.state == TcpState.SYN_SENT
                || tcb.state == TcpState.SYN_RECEIVED || tcb.state == TcpState.TIME_WAIT) {
            return;
        }
        long idleNanos = keepAlive.idle().toNanos();
        if (snd.max > snd.una || 1 + tcb.sendBuffer.end() > snd.nxt) {
            timers.keepAlive.start(idleNanos);
            return;
        }
        long idle = endpoint.now() - tcb.lastReceivedAt;
        if (idle < idleNanos) {
            timers.keepAlive.start(idleNanos - idle);
            return;
        }
        if (tcb.keepAliveProbes >= keepAlive.probes()) {
            // No answer to any probe: the peer is gone. Linux resets the connection (tcp_write_err).
            Packet reset = endpoint.segments.packet(Tcp.RST | Tcp.ACK, snd.nxt, Segments.EMPTY);
            endpoint.segments.send(reset);
            giveUp("no answer to " + keepAlive.probes() + " keep-alive probes: the connection timed out");
            return;
        }
        endpoint.segments.send(endpoint.segments.packet(Tcp.ACK, snd.una - 1, Segments.EMPTY));
        tcb.keepAliveProbes++;
        timers.keepAlive.start(keepAlive.interval().toNanos());
    }

    private void giveUp(String reason) {
        timers.stopAll();
        endpoint.enter(TcpState.CLOSED);
        endpoint.fail(reason);
    }
}

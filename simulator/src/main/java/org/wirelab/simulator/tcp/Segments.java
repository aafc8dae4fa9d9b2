package org.wirelab.simulator.tcp;

import java.util.Arrays;
import org.wirelab.core.tcpstate.TcpState;
import org.wirelab.simulator.net.Packet;
import org.wirelab.simulator.net.Packet.Marks;
import org.wirelab.core.protocol.tcp.Tcp;

/**
 * Builds each segment this endpoint sends: sequence and acknowledgment numbers on the wire, the
 * window field, timestamps, SACK and D-SACK blocks, the IP identification and flow label; and records,
 * as a segment leaves, what an ACK has told the peer (RCV.WUP, the announced window), marking
 * duplicate ACKs, window updates and zero windows for the analysis.
 */
final class Segments extends EndpointPart {
    private static final long MASK = SendSequence.MASK;
    private static final long NONE = SendSequence.NONE;

    Segments(TcpEndpoint endpoint) {
        super(endpoint);
    }

    static final byte[] EMPTY = new byte[0];

    Packet packet(int flags, long sequenceOffset, byte[] data) {
        Packet segment = newPacket(data);
        segment.sequenceNumber = (snd.iss + sequenceOffset) & MASK;
        segment.relativeSequence = sequenceOffset;
        segment.flags = flags;
        if ((flags & Tcp.ACK) != 0) {
            segment.acknowledgmentNumber = rcv.wireNext();
        }
        // A reset from a connection carries its window and timestamps, as Linux's tcp_send_active_reset does.
        segment.window = endpoint.windowOffer.windowField();
        if (options.timestamps) {
            segment.timestamps = true;
            segment.timestampValue = options.tsValue(endpoint.now());
            segment.timestampEchoReply = options.tsRecent;
        }
        if (options.sackPermitted && (flags & Tcp.RST) == 0 && somethingToSack()) {
            long[] ranges = sackBlocks(options.timestamps ? 3 : 4);
            if (ranges.length > 0) {
                for (int i = 0; i < ranges.length; i++) {
                    ranges[i] = (rcv.irs + 1 + ranges[i]) & MASK;
                }
                segment.sackBlocks = ranges;
            }
        }
        return segment;
    }

    /** True when an ACK would carry SACK blocks: a gap, a FIN beyond it, or a duplicate to report. */
    private boolean somethingToSack() {
        return rcv.buffer.hasGap() || (rcv.finAhead != NONE && !rcv.finReceived) || tcb.duplicateReport != null;
    }

    /**
     * The SACK blocks of the next ACK, as data offsets, at most {@code max}: a D-SACK first if a
     * duplicate came (RFC 2883), then what is held beyond the gap (RFC 2018), a FIN beyond it included
     * (Linux SACKs it as one more byte).
     */
    private long[] sackBlocks(int max) {
        long[] ahead = rcv.buffer.hasGap() ? rcv.buffer.aheadRanges(max) : NO_RANGES;
        // Start and end pairs in the order they go out, built in place: the D-SACK, a lone FIN, the rest.
        long[] blocks = new long[ahead.length + 4];
        int count = 0;
        if (tcb.duplicateReport != null) {
            blocks[0] = tcb.duplicateReport[0];
            blocks[1] = tcb.duplicateReport[1];
            count = 1;
        }
        int aheadFrom = count;
        System.arraycopy(ahead, 0, blocks, 2 * count, ahead.length & ~1);
        count += ahead.length / 2;
        if (rcv.finAhead != NONE && !rcv.finReceived) {
            long fin = rcv.finAhead - 1;
            int joined = aheadFrom;
            while (joined < count && blocks[2 * joined + 1] != fin) {
                joined++;
            }
            if (joined < count) {
                blocks[2 * joined + 1]++;
            } else {
                System.arraycopy(blocks, 2 * aheadFrom, blocks, 2 * aheadFrom + 2, 2 * (count - aheadFrom));
                blocks[2 * aheadFrom] = fin;
                blocks[2 * aheadFrom + 1] = fin + 1;
                count++;
            }
        }
        return Arrays.copyOf(blocks, 2 * Math.min(max, count));
    }

    private static final long[] NO_RANGES = new long[0];

    Packet newPacket(byte[] data) {
        Packet packet = new Packet(tcb.ipv6, tcb.localAddress, tcb.remoteAddress, Packet.TCP, tcb.ipv6 ? 0 : nextIdentification(),
                tcb.localPort, tcb.remotePort, data);
        packet.fromClient = tcb.client;
        packet.flowLabel = tcb.flowLabel;
        packet.congestionWindow = tcb.congestion.congestionWindow();
        packet.slowStartThreshold = tcb.congestion.slowStartThreshold();
        return packet;
    }

    private int nextIdentification() {
        if (tcb.state == TcpState.SYN_RECEIVED || tcb.state == TcpState.LISTEN) {
            return 0; // Linux sends SYN-ACKs with identification 0 (they have Don't Fragment)
        }
        if (tcb.identification == 0 && !tcb.client) {
            tcb.identification = endpoint.stack.randomIdentification();
        }
        int id = tcb.identification;
        tcb.identification = (tcb.identification + 1) & 0xffff;
        return id;
    }

    void send(Packet segment) {
        if ((segment.flags & Tcp.ACK) != 0 && (segment.flags & Tcp.RST) == 0) {
            boolean syn = (segment.flags & Tcp.SYN) != 0;
            long windowBytes = (long) segment.window << (syn ? 0 : rcv.wscale);
            boolean pure = segment.payload.length == 0 && (segment.flags & (Tcp.SYN | Tcp.FIN)) == 0;
            if (pure && segment.window != 0 && tcb.lastAckSent == segment.acknowledgmentNumber
                    && segment.relativeSequence == snd.max) {
                // The same ACK again: a duplicate ACK if the window is the same too (RFC 5681 section 2),
                // otherwise an ACK that only moves the window, a window update.
                segment.marks |= windowBytes == tcb.lastWindowBytes ? Marks.DUPLICATE_ACK : Marks.WINDOW_UPDATE;
            }
            if (segment.window == 0 && !syn) {
                segment.marks |= Marks.ZERO_WINDOW;
            }
            tcb.lastAckSent = segment.acknowledgmentNumber;
            tcb.lastWindowBytes = windowBytes;
            rcv.advertisedEdge = Math.max(rcv.advertisedEdge, rcv.next() + windowBytes);
            rcv.wup = rcv.next();
            rcv.wnd = windowBytes;
            tcb.receiveWindow.offered(windowBytes);
            tcb.acks.ackSent();
            tcb.ackNow = false;
            tcb.duplicateReport = null;
            timers.delayedAck.stop();
        }
        endpoint.stack.send(endpoint, segment);
    }
}

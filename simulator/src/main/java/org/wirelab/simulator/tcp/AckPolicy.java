package org.wirelab.simulator.tcp;

import org.wirelab.simulator.net.Packet;
import org.wirelab.core.protocol.tcp.Tcp;

/**
 * When a receiver acknowledges, after Linux's heuristics (tcp_input.c): quick ACKs after the first
 * data and while the window grows (up to 16, tcp_incr_quickack); an endpoint that answers within the
 * ACK timeout of receiving ({@code ato}) is interactive ("ping-pong") and delays its ACKs to carry them
 * on its answers, until a delayed ACK goes out alone; the guess of the sender's segment size
 * (icsk_ack.rcv_mss), more than which received since the last ACK makes it owed at once; and the
 * pushed flags, which let a read that empties the buffer send the ACK owed (tcp_cleanup_rbuf).
 */
final class AckPolicy {
    private static final int MAX_QUICK_ACKS = 16;
    /** A tick of the kernel's clock (HZ = 250), on which its timers run. */
    private static final long JIFFY_NANOS = 4_000_000L;

    private final long delayedAckNanos;
    /** This side's own MSS: the guess of the sender's never exceeds it. */
    private final int ownMss;
    private int quickAcks;
    private long ato;
    private long lastDataReceivedAt;
    private boolean pingpong;
    /** The guess of the sender's segment size; it starts at TCP_MIN_RCVMSS. */
    private int rcvMss = 536;
    /** The length of the last segment shorter than {@link #rcvMss}, to learn a smaller MSS from two alike. */
    private int lastSegmentSize;
    /** A short segment came since the last ACK (ICSK_ACK_PUSHED), two of them (ICSK_ACK_PUSHED2). */
    private boolean pushed;
    private boolean pushedTwice;

    AckPolicy(long delayedAckNanos, int ownMss) {
        this.delayedAckNanos = delayedAckNanos;
        this.ownMss = ownMss;
    }

    /** The guess of the sender's segment size. */
    int rcvMss() {
        return rcvMss;
    }

    /**
     * Linux's tcp_measure_rcv_mss: a segment at least as long as the guess is the sender's MSS (up to
     * ours); a shorter one with PSH (or a short one unlike the last) marks the ACK as pushed. True when
     * the segment is longer than the guess was (Linux then measures the buffer's share of payload on it).
     */
    boolean measure(Packet segment, boolean timestamps) {
        int length = segment.payload.length;
        int previous = lastSegmentSize;
        lastSegmentSize = 0;
        if (length >= rcvMss) {
            boolean longer = length != rcvMss;
            rcvMss = Math.min(length, ownMss);
            return longer;
        }
        int header = 20 + (timestamps ? 12 : 0);
        boolean remnant = (segment.flags & (Tcp.PSH | Tcp.FIN | Tcp.SYN)) != 0;
        if (length + header >= 536 + 20 || (length + header >= 88 + 20 && !remnant)) {
            lastSegmentSize = length;
            if (length == previous) {
                rcvMss = length;
                return false;
            }
        }
        pushedTwice |= pushed;
        pushed = true;
        return false;
    }

    /**
     * Data arrived in order now (tcp_event_data_recv): the first, or the first after a silence longer
     * than {@code rto}, starts quick ACKs again, as many as {@code rcvWnd} holds pairs of segments.
     */
    void dataArrived(long now, long rto, long rcvWnd) {
        if (ato == 0 || now - lastDataReceivedAt > rto) {
            ato = delayedAckNanos;
            quickAcks = Math.max(quickAcks, quickAckBudget(rcvWnd));
        }
        lastDataReceivedAt = now;
    }

    /**
     * Linux's tcp_incr_quickack: as many quick ACKs as the window holds pairs of segments, at most 16,
     * so a loopback whose first segment is half the window ACKs only that one at once.
     */
    private int quickAckBudget(long rcvWnd) {
        long budget = rcvWnd / (2L * rcvMss);
        return budget == 0 ? 2 : (int) Math.min(budget, MAX_QUICK_ACKS);
    }

    /** The window grew: its news goes out at once (icsk_ack.quick |= 1). */
    void windowGrew() {
        quickAcks = Math.max(quickAcks, 1);
    }

    /** True when the segment that just arrived is to be acknowledged at once as a quick ACK. */
    boolean quick() {
        return quickAcks > 0 && !pingpong;
    }

    /**
     * How long a delayed ACK waits from {@code now} (tcp_send_delayed_ack): the ACK timeout once data
     * has arrived; before any has (ato still 0: a FIN on a connection that has received nothing), only
     * until the kernel's next clock tick, which looks like an ACK at once.
     */
    long delayedAckIn(long now) {
        return ato == 0 ? JIFFY_NANOS - now % JIFFY_NANOS : delayedAckNanos;
    }

    /** A quick ACK is used. */
    void quickAckUsed() {
        quickAcks--;
    }

    /** This side sends new data now: an answer to what just arrived makes the exchange interactive (tcp_event_data_sent). */
    void dataSent(long now) {
        if (ato > 0 && now - lastDataReceivedAt < ato) {
            pingpong = true;
        }
    }

    /** The delayed ACK went out alone: no answer came to carry it, so the exchange is not interactive. */
    void delayedAckExpired() {
        pingpong = false;
    }

    /** An ACK left: nothing pushed is waiting any more. */
    void ackSent() {
        pushed = false;
        pushedTwice = false;
    }

    /** After a read that emptied the buffer ({@code emptied}): the owed ACK goes if a short pushed segment came (two in an interactive exchange). */
    boolean dueAfterRead(boolean emptied) {
        return emptied && (pushedTwice || (pushed && !pingpong));
    }
}

package org.wirelab.simulator.tcp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * RACK-TLP loss detection (RFC 8985), as Linux 6.x has it on by default (tcp_recovery=1,
 * tcp_early_retrans=3): a segment is lost when one sent after it has been delivered and a reordering
 * window has passed since (RACK), and a tail whose ACKs stop coming is probed two round trips later
 * (TLP), instead of waiting for the retransmission timeout in both cases.
 *
 * <p>It keeps when each segment was last sent and answers two questions: which segments are lost now,
 * and when to look again (the reorder timer); and when to probe the tail. Positions are sequence
 * offsets, as in {@link TcpEndpoint}. Timer values round as a 250 Hz Linux kernel's do (the reference
 * captures' kernel, CONFIG_HZ=250): Linux adds TCP_TIMEOUT_MIN, two jiffies, to the reorder timer and
 * to a probe with several segments in flight.
 */
final class RackTlp {
    /** Two jiffies of a 250 Hz kernel (TCP_TIMEOUT_MIN). */
    static final long TIMEOUT_MIN = 8_000_000L;
    /** Linux's tcp_rto_min: a probe of a single segment leaves time for a delayed ACK (RFC 8985 section 7.2). */
    static final long DELAYED_ACK_ALLOWANCE = 200_000_000L;
    private static final long NONE = -1;

    /**
     * The segments sent at one instant (a window's worth leaves at once), and whether each left with a
     * higher end than the one before it: then loss detection, having met one that ends at or after
     * RACK.end_seq, knows the rest of the burst does too and stops there instead of visiting them all.
     */
    private static final class Burst {
        boolean ascending = true;
    }

    // The segments in flight, by sequence, and those not yet delivered in the order they were last sent
    // (Linux's tsorted_sent_queue): each ACK then visits only those, and loss detection stops at the first
    // one sent after the most recently delivered, instead of walking the whole flight on every ACK.
    private final SentSegments inFlight = new SentSegments();
    /** RACK.xmit_ts, RACK.end_seq and RACK.rtt: the most recently sent segment known delivered. */
    private long rackSentAt = NONE;
    private long rackEnd;
    private long rackRtt;
    private long minRtt = Long.MAX_VALUE;
    /** RACK.reordering_seen: a segment was delivered after one sent later than it. */
    private boolean reorderingSeen;
    /** The burst being sent now: when it began, and the end of the last segment it sent. */
    private Burst burst;
    private long burstAt = NONE;
    private long burstLastEnd;
    /** The highest end delivered (SACKed or acknowledged): below it, a late delivery is reordering. */
    private long highestDelivered;

    /** A segment {@code [start, end)} left now, for the first time or again. */
    void sent(long start, long end, long now, boolean retransmission) {
        boolean newBurst = burst == null || now != burstAt;
        if (newBurst) {
            burst = new Burst();
            burstAt = now;
        }
        int segment = inFlight.sent(start, end, now, retransmission, burst);
        long segmentEnd = inFlight.end(segment);
        if (!newBurst && segmentEnd <= burstLastEnd) {
            burst.ascending = false;
        }
        burstLastEnd = segmentEnd;
    }

    /** A round-trip time measured elsewhere (the handshake): the minimum the reordering window scales with. */
    void roundTrip(long rtt) {
        minRtt = Math.min(minRtt, rtt);
    }

    /**
     * The peer now has {@code [start, end)} (cumulatively acknowledged or SACKed): RACK's step 2,
     * remembering the most recently sent of the delivered segments. Returns the round trip of the most
     * recently sent of them, or -1 when none was delivered or one of them had been sent twice (then no
     * one can tell which copy arrived: Linux's ca_rtt_us for congestion control).
     */
    long delivered(long start, long end, long now) {
        long newestSentAt = NONE;
        boolean resentAmongThem = false;
        for (int place = inFlight.firstUndeliveredFrom(start); place < inFlight.end()
                && inFlight.start(inFlight.slotAt(place)) < end; place = inFlight.nextUndelivered(place)) {
            int segment = inFlight.slotAt(place);
            long segmentEnd = inFlight.end(segment);
            if (segmentEnd > end) {
                continue;
            }
            inFlight.delivered(place);
            long sentAt = inFlight.sentAt(segment);
            boolean retransmitted = inFlight.retransmitted(segment);
            long rtt = now - sentAt;
            resentAmongThem |= retransmitted;
            newestSentAt = Math.max(newestSentAt, sentAt);
            // An ACK of a retransmitted segment may be the original's: only a sample longer than the
            // minimum round trip is trusted (RFC 8985 section 6.2, step 2).
            if (retransmitted && rtt < minRtt) {
                continue;
            }
            minRtt = Math.min(minRtt, rtt);
            if (!retransmitted && segmentEnd < highestDelivered) {
                reorderingSeen = true;
            }
            highestDelivered = Math.max(highestDelivered, segmentEnd);
            if (rackSentAt == NONE || sentAt > rackSentAt || (sentAt == rackSentAt && segmentEnd > rackEnd)) {
                rackSentAt = sentAt;
                rackEnd = segmentEnd;
                rackRtt = rtt;
            }
        }
        return newestSentAt == NONE || resentAmongThem ? NONE : now - newestSentAt;
    }

    /** Everything before {@code sndUna} is acknowledged: forgotten. */
    void acknowledged(long sndUna) {
        inFlight.acknowledged(sndUna);
    }

    /**
     * RACK's reordering window (RFC 8985 section 6.2, step 4, as Linux's tcp_rack_reo_wnd): none before
     * any reordering was seen once a recovery has begun or three segments are SACKed (the duplicate
     * ACK threshold still rules), otherwise a quarter of the minimum round trip, at most SRTT.
     */
    long reorderingWindow(boolean inRecovery, int sackedSegments, long srtt) {
        if (!reorderingSeen && (inRecovery || sackedSegments >= SackScoreboard.DUP_THRESH)) {
            return 0;
        }
        long window = minRtt == Long.MAX_VALUE ? 0 : minRtt / 4;
        return srtt > 0 ? Math.min(window, srtt) : window;
    }

    /** What {@link #detect} found: lost ranges (start, end pairs) and when to look again (or -1). */
    record Verdict(List<long[]> lost, long lookAgainIn) {
    }

    /** The verdict before anything was delivered: nothing lost, no timer. */
    private static final Verdict NOTHING_YET = new Verdict(List.of(), NONE);

    /**
     * RACK's step 5: every segment not delivered, sent before the most recently sent delivered one, is
     * lost once the RACK round trip plus the reordering window has passed since it was sent; for the
     * others, when that will be.
     */
    Verdict detect(long now, long reorderingWindow, SackScoreboard scoreboard) {
        if (rackSentAt == NONE) {
            return NOTHING_YET;
        }
        List<long[]> lost = null;
        long next = NONE;
        for (int segment = inFlight.oldestSent(); segment != SentSegments.NONE; segment = inFlight.sentAfter(segment)) {
            long sentAt = inFlight.sentAt(segment);
            long start = inFlight.start(segment);
            long end = inFlight.end(segment);
            if (sentAt > rackSentAt) {
                break; // this one and every later one were sent after the most recently delivered
            }
            if (scoreboard.isSacked(start)) {
                continue;
            }
            boolean sentBefore = sentAt < rackSentAt || (sentAt == rackSentAt && end < rackEnd);
            if (!sentBefore) {
                if (((Burst) inFlight.tag(segment)).ascending) {
                    break; // sent at RACK.xmit_ts and after RACK.end_seq, as is the rest of its burst
                }
                continue;
            }
            long remaining = sentAt + rackRtt + reorderingWindow - now;
            if (remaining <= 0) {
                if (lost == null) {
                    lost = new ArrayList<>();
                }
                lost.add(new long[] {start, end});
            } else if (next == NONE || remaining < next) {
                next = remaining;
            }
        }
        if (lost == null) {
            lost = List.of();
        } else {
            lost.sort(Comparator.comparingLong(range -> range[0])); // in sequence order, as they are resent
        }
        return new Verdict(lost, next == NONE ? NONE : roundUpToJiffy(next) + TIMEOUT_MIN);
    }

    /**
     * The probe timeout (RFC 8985 section 7.2, Linux's tcp_schedule_loss_probe): two SRTT, plus room for
     * a delayed ACK when a single segment is in flight (else two jiffies), no later than the RTO would
     * fire ({@code rtoIn}).
     */
    long probeTimeout(long srtt, int segmentsInFlight, long rtoIn) {
        long timeout = 2 * srtt + (segmentsInFlight == 1 ? DELAYED_ACK_ALLOWANCE : TIMEOUT_MIN);
        return Math.max(1, Math.min(timeout, rtoIn));
    }

    /** Segments sent and not yet delivered. */
    int segmentsInFlight() {
        return inFlight.undeliveredCount();
    }

    /** Where the last segment sent starts (the one a probe sends again); -1 when none is in flight. */
    long lastSegmentStart() {
        return inFlight.lastStart();
    }

    /** When the oldest segment in flight was sent; -1 when none is. */
    long oldestSentAt() {
        int oldest = inFlight.firstUndelivered();
        return oldest == SentSegments.NONE ? NONE : inFlight.sentAt(oldest);
    }

    private static long roundUpToJiffy(long nanos) {
        long jiffy = TIMEOUT_MIN / 2;
        return (nanos + jiffy - 1) / jiffy * jiffy;
    }
}

package org.wirelab.simulator.tcp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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

    /** A segment in flight: where it ends, when it was last sent, whether it was sent more than once. */
    private static final class Sent {
        long end;
        long sentAt;
        boolean retransmitted;
        /** The segments last sent at the same instant as this one. */
        Burst burst;

        Sent(long end, long sentAt) {
            this.end = end;
            this.sentAt = sentAt;
        }
    }

    /**
     * The segments sent at one instant (a window's worth leaves at once), and whether each left with a
     * higher end than the one before it: then loss detection, having met one that ends at or after
     * RACK.end_seq, knows the rest of the burst does too and stops there instead of visiting them all.
     */
    private static final class Burst {
        boolean ascending = true;
    }

    private final TreeMap<Long, Sent> inFlight = new TreeMap<>();
    // The segments not yet delivered, by sequence and in the order they were last sent (Linux's
    // tsorted_sent_queue): each ACK then visits only those, and loss detection stops at the first one
    // sent after the most recently delivered, instead of walking the whole flight on every ACK.
    private final TreeMap<Long, Sent> undelivered = new TreeMap<>();
    private final LinkedHashMap<Long, Sent> undeliveredBySendTime = new LinkedHashMap<>();
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
        Sent segment = inFlight.get(start);
        if (segment == null) {
            segment = new Sent(end, now);
            inFlight.put(start, segment);
        }
        segment.end = Math.max(segment.end, end);
        segment.sentAt = now;
        segment.retransmitted |= retransmission;
        if (burst == null || now != burstAt) {
            burst = new Burst();
            burstAt = now;
        } else if (segment.end <= burstLastEnd) {
            burst.ascending = false;
        }
        burstLastEnd = segment.end;
        segment.burst = burst;
        undelivered.put(start, segment);
        undeliveredBySendTime.remove(start);
        undeliveredBySendTime.put(start, segment);
    }

    private void markDelivered(long start) {
        undelivered.remove(start);
        undeliveredBySendTime.remove(start);
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
        for (Map.Entry<Long, Sent> entry : new ArrayList<>(undelivered.subMap(start, true, end, false).entrySet())) {
            Sent segment = entry.getValue();
            if (segment.end > end) {
                continue;
            }
            markDelivered(entry.getKey());
            long rtt = now - segment.sentAt;
            resentAmongThem |= segment.retransmitted;
            newestSentAt = Math.max(newestSentAt, segment.sentAt);
            // An ACK of a retransmitted segment may be the original's: only a sample longer than the
            // minimum round trip is trusted (RFC 8985 section 6.2, step 2).
            if (segment.retransmitted && rtt < minRtt) {
                continue;
            }
            minRtt = Math.min(minRtt, rtt);
            if (!segment.retransmitted && segment.end < highestDelivered) {
                reorderingSeen = true;
            }
            highestDelivered = Math.max(highestDelivered, segment.end);
            if (rackSentAt == NONE || segment.sentAt > rackSentAt
                    || (segment.sentAt == rackSentAt && segment.end > rackEnd)) {
                rackSentAt = segment.sentAt;
                rackEnd = segment.end;
                rackRtt = rtt;
            }
        }
        return newestSentAt == NONE || resentAmongThem ? NONE : now - newestSentAt;
    }

    /** Everything before {@code sndUna} is acknowledged: forgotten. */
    void acknowledged(long sndUna) {
        while (!inFlight.isEmpty() && inFlight.firstEntry().getValue().end <= sndUna) {
            long start = inFlight.pollFirstEntry().getKey();
            undelivered.remove(start);
            undeliveredBySendTime.remove(start);
        }
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

    /**
     * RACK's step 5: every segment not delivered, sent before the most recently sent delivered one, is
     * lost once the RACK round trip plus the reordering window has passed since it was sent; for the
     * others, when that will be.
     */
    Verdict detect(long now, long reorderingWindow, SackScoreboard scoreboard) {
        List<long[]> lost = new ArrayList<>();
        long next = NONE;
        if (rackSentAt == NONE) {
            return new Verdict(lost, NONE);
        }
        for (Map.Entry<Long, Sent> entry : undeliveredBySendTime.entrySet()) {
            Sent segment = entry.getValue();
            long start = entry.getKey();
            if (segment.sentAt > rackSentAt) {
                break; // this one and every later one were sent after the most recently delivered
            }
            if (scoreboard.isSacked(start)) {
                continue;
            }
            boolean sentBefore = segment.sentAt < rackSentAt
                    || (segment.sentAt == rackSentAt && segment.end < rackEnd);
            if (!sentBefore) {
                if (segment.burst.ascending) {
                    break; // sent at RACK.xmit_ts and after RACK.end_seq, as is the rest of its burst
                }
                continue;
            }
            long remaining = segment.sentAt + rackRtt + reorderingWindow - now;
            if (remaining <= 0) {
                lost.add(new long[] {start, segment.end});
            } else if (next == NONE || remaining < next) {
                next = remaining;
            }
        }
        lost.sort(Comparator.comparingLong(range -> range[0])); // in sequence order, as they are resent
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
        return undelivered.size();
    }

    /** Where the last segment sent starts (the one a probe sends again); -1 when none is in flight. */
    long lastSegmentStart() {
        return inFlight.isEmpty() ? NONE : inFlight.lastKey();
    }

    /** When the oldest segment in flight was sent; -1 when none is. */
    long oldestSentAt() {
        return undelivered.isEmpty() ? NONE : undelivered.firstEntry().getValue().sentAt;
    }

    private static long roundUpToJiffy(long nanos) {
        long jiffy = TIMEOUT_MIN / 2;
        return (nanos + jiffy - 1) / jiffy * jiffy;
    }
}

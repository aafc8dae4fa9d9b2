package org.wirelab.simulator.tcp;

/**
 * How far Linux lets its receive window open (net/ipv4/tcp_input.c). The window starts at what the
 * SYN or SYN-ACK offered ({@code rcv_ssthresh}) and grows by two segments with each segment of data
 * that arrives (tcp_grow_window), up to a clamp set by the receive buffer ({@code window_clamp}).
 * The buffer starts at {@code tcp_rmem[1]} and grows when the application has read, within one
 * round trip, more than the last such measure (dynamic right-sizing: tcp_rcv_space_adjust,
 * tcp_rcvbuf_grow), up to the configured buffer.
 *
 * <p>The round trip the receiver knows comes from the timestamps it gets echoed, in milliseconds, so
 * on a loopback where a whole transfer takes less than a millisecond it never measures one, and its
 * window stays at the first clamp, as in most live captures of tcp-bulk.
 */
final class ReceiveWindow {
    /** Linux's tcp_rmem[1]: the receive buffer a socket starts with. */
    static final long INITIAL_BUFFER = 131_072;
    /**
     * The share of the buffer's memory that holds payload, in 256ths (Linux's scaling_ratio; the rest
     * is each segment's kernel overhead). Measured on this project's machine: the first ACK of every
     * live tcp-bulk capture (samples/scenarios/tcp-bulk.pcap and 28 more) offers 95232 bytes, which is
     * 131072 x 186 / 256.
     */
    static final int SCALING_RATIO = 186;
    /** Linux's tcp_grow_window ignores segments shorter than this. */
    private static final int GROW_MIN_SEGMENT = 128;
    /** TCP_INIT_CWND: the first measure of what a round trip brings. */
    private static final int INITIAL_SEGMENTS = 10;

    /** The largest window ever offered: the configured buffer. */
    private final long limit;
    /** sk_rcvbuf, in bytes of memory. */
    private long buffer = INITIAL_BUFFER;
    private long windowClamp;
    private long rcvSsthresh;
    // Dynamic right-sizing: what the application read since spaceTime, and the last such measure.
    private long space;
    private long spaceRead;
    private long spaceTime;
    /** The receiver's round-trip estimate, 0 until the first sample. */
    private long rttNanos;

    ReceiveWindow(long limit) {
        this.limit = limit;
        this.windowClamp = Math.min(limit, windowFromSpace(buffer));
    }

    /** The first window this side offered, in its SYN or SYN-ACK (tcp_init_buffer_space). */
    void start(long firstWindow, int advertisedMss, long now) {
        rcvSsthresh = Math.min(firstWindow, windowClamp);
        space = Math.min(firstWindow, (long) INITIAL_SEGMENTS * advertisedMss);
        spaceTime = now;
    }

    /**
     * A segment of {@code length} bytes arrived in order: the window may grow by two of this side's
     * segments. True when it grew (Linux then ACKs the segment at once, icsk_ack.quick |= 1).
     */
    boolean grow(int length, int advertisedMss) {
        long room = windowClamp - rcvSsthresh;
        if (length < GROW_MIN_SEGMENT || room <= 0) {
            return false;
        }
        rcvSsthresh += Math.min(room, Math.max(2L * advertisedMss, 2L * length));
        return true;
    }

    /**
     * The window to offer while {@code held} bytes wait in the buffer (to be read, or beyond a gap):
     * what the buffer has free, up to {@code rcv_ssthresh}. So a reader that falls behind makes the
     * offer shrink, and the ACKs wait for its reads (tcp_cleanup_rbuf) instead of leaving every
     * second segment.
     */
    long offer(long held) {
        return Math.min(Math.min(buffer, limit) - held, rcvSsthresh);
    }

    /**
     * A round-trip sample from an echoed timestamp (tcp_rcv_rtt_update): the smaller sample wins at
     * once, a larger one moves the estimate by an eighth, and only when nothing waits to be read.
     */
    void roundTrip(long sampleNanos, boolean queueEmpty) {
        if (rttNanos == 0 || sampleNanos < rttNanos) {
            rttNanos = sampleNanos;
        } else if (queueEmpty) {
            rttNanos += (sampleNanos - rttNanos) / 8;
        }
    }

    /**
     * The application has read {@code totalRead} bytes so far (tcp_rcv_space_adjust): once a round trip
     * has passed since the last measure, if it read more than then, the buffer grows so that the
     * sender may double its rate, and the clamp follows.
     */
    void applicationRead(long totalRead, long now) {
        if (rttNanos == 0 || now - spaceTime < rttNanos) {
            return;
        }
        long copied = totalRead - spaceRead;
        if (copied > space) {
            long previous = space;
            space = copied;
            // tcp_rcvbuf_grow: DRS is one round trip late, so twice what came; and in slow start, room
            // for the sender to double again.
            long window = 2 * copied;
            window += 2 * (window * (copied - previous) / previous);
            long grown = Math.min(spaceFromWindow(window), spaceFromWindow(limit));
            if (grown > buffer) {
                buffer = grown;
                windowClamp = Math.min(limit, windowFromSpace(buffer));
            }
        }
        spaceRead = totalRead;
        spaceTime = now;
    }

    private static long windowFromSpace(long memory) {
        return memory * SCALING_RATIO >> 8;
    }

    private static long spaceFromWindow(long window) {
        return (window << 8) / SCALING_RATIO;
    }
}

package org.wirelab.simulator.tcp;

/**
 * How far Linux lets its receive window open (net/ipv4/tcp_input.c). The window starts at what the
 * SYN or SYN-ACK offered ({@code rcv_ssthresh}) and grows by two segments with each segment of data
 * that arrives (tcp_grow_window), up to a clamp set by the receive buffer ({@code window_clamp}).
 * The buffer starts at {@code tcp_rmem[1]} and grows when the application has read, within one
 * round trip, more than the last such measure (dynamic right-sizing: tcp_rcv_space_adjust,
 * tcp_rcvbuf_grow), up to the configured buffer.
 *
 * <p>The receiver knows the round trip two ways: from the timestamps it gets echoed, in milliseconds,
 * and from how long a window's worth of data takes to arrive, in microseconds (tcp_rcv_rtt_measure),
 * which on a loopback is the only one: there the buffer grows within the first few hundred kilobytes,
 * as in the live capture samples/scenarios/tcp-bulk.pcap (95232, then 226304, 357376, 488448 bytes).
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
    /** What a segment's buffer on lo holds besides its bytes: 95232 offered with one 32741-byte segment unread. */
    private static final int SEGMENT_OVERHEAD = 1_000;
    /**
     * The memory a frame of an Ethernet-sized link takes, whatever its length (a driver's 2 KiB buffer
     * and its bookkeeping): measured as 2346 bytes on a veth, whose 1448-byte segments make the
     * ratio 158 and a 131,072-byte buffer offer 80,896 bytes (samples/reference/bulk-loss-server.pcap).
     */
    private static final int FRAME_BUFFER = 2_346;
    /** Linux's tcp_grow_window ignores segments shorter than this. */
    private static final int GROW_MIN_SEGMENT = 128;
    /** TCP_INIT_CWND: the first measure of what a round trip brings. */
    private static final int INITIAL_SEGMENTS = 10;

    /** The largest window ever offered: the configured buffer. */
    private final long limit;
    /** sk_rcvbuf, in bytes of memory. */
    private long buffer = INITIAL_BUFFER;
    /** The share of memory that is payload, in 256ths, as last measured on a segment (scaling_ratio). */
    private int ratio = SCALING_RATIO;
    private long windowClamp;
    private long rcvSsthresh;
    // Dynamic right-sizing: what the application read since spaceTime, and the last such measure.
    private long space;
    private long spaceRead;
    private long spaceTime;
    /** The receiver's round-trip estimate, 0 until the first sample. */
    private long rttNanos;
    /** The window-based measure (rcv_rtt_est): when it started, and the sequence that ends it. */
    private long measureTime = -1;
    private long measureEnd;

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
    boolean grow(int length, int advertisedMss, long held) {
        long room = Math.min(windowClamp, free(held)) - rcvSsthresh;
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
        return Math.min(free(held), rcvSsthresh);
    }

    /** Linux's tcp_space: what the buffer has free, as window (its memory less each segment's overhead). */
    long free(long held) {
        return allowed() - held;
    }

    /** Linux's tcp_full_space: the whole buffer, as window. */
    long allowed() {
        return Math.min(windowFromSpace(buffer), limit);
    }

    /** The most the window may offer now (min(window_clamp, tcp_full_space)). */
    long full() {
        return Math.min(windowClamp, allowed());
    }

    /** rcv_ssthresh: how far the window has been let open so far. */
    long threshold() {
        return rcvSsthresh;
    }

    /**
     * In-order data arrived, RCV.NXT is now {@code rcvNxt} and the last window offered {@code rcvWnd}
     * (tcp_rcv_rtt_measure): once a whole window has come since the measure began, the time it took is
     * a round-trip sample, kept only if it is the smallest yet (a window that took long may have been
     * held back by the sender).
     */
    void dataArrived(long rcvNxt, long rcvWnd, long now) {
        if (measureTime >= 0) {
            if (rcvNxt < measureEnd) {
                return;
            }
            long sample = Math.max(1_000, now - measureTime); // microseconds, at least one
            if (rttNanos == 0 || sample < rttNanos) {
                rttNanos = sample;
            }
        }
        measureEnd = rcvNxt + rcvWnd;
        measureTime = now;
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
     * The application has read {@code totalRead} bytes so far and {@code unread} wait in the buffer
     * (tcp_rcv_space_adjust): once a round trip has passed since the last measure, if it read more than
     * then (less what still waits: a reader that falls behind does not make the buffer grow), the buffer
     * grows so that the sender may double its rate, and the clamp follows. A buffer the program set
     * (smaller than tcp_rmem[1]) does not grow.
     */
    void applicationRead(long totalRead, long unread, long now) {
        if (rttNanos == 0 || now - spaceTime < rttNanos) {
            return;
        }
        long copied = totalRead - spaceRead - unread;
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

    /**
     * A segment longer than any before arrived (tcp_measure_rcv_mss): the share of its buffer that is
     * payload becomes the ratio between window and memory, and the clamp follows. On lo a 32741-byte
     * segment comes in the sender's own buffer (ratio 248), from an Ethernet link a 1448-byte one in a
     * 2 KiB driver buffer (158): the same 128 KiB buffer offers 126,976 bytes on lo, 80,896 on a veth.
     */
    void segmentMeasured(int length) {
        long truesize = length > FRAME_BUFFER ? length + SEGMENT_OVERHEAD : FRAME_BUFFER;
        int measured = (int) Math.max(1, ((long) length << 8) / truesize);
        if (measured == ratio) {
            return;
        }
        ratio = measured;
        long clamp = Math.min(limit, windowFromSpace(buffer));
        if (clamp > windowClamp) {
            rcvSsthresh = Math.max(Math.min(lastOffer, clamp), rcvSsthresh); // tcp_set_window_clamp
        } else {
            rcvSsthresh = Math.min(rcvSsthresh, clamp);
        }
        windowClamp = clamp;
        space = Math.min(space, windowClamp);
    }

    /** The window the last ACK offered (rcv_wnd), which a growing clamp lets rcv_ssthresh reach at once. */
    private long lastOffer;

    void offered(long window) {
        lastOffer = window;
    }

    private long windowFromSpace(long memory) {
        return memory * ratio >> 8;
    }

    private long spaceFromWindow(long window) {
        return (window << 8) / ratio;
    }
}

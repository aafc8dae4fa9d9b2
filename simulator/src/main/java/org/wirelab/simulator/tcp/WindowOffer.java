package org.wirelab.simulator.tcp;

/**
 * The receive window this side offers (RFC 9293 section 3.8.6.2.2, as Linux's __tcp_select_window):
 * the free buffer space, scaled and rounded as Linux rounds it, never moving the right edge back.
 */
final class WindowOffer extends EndpointPart {
    WindowOffer(TcpEndpoint endpoint) {
        super(endpoint);
    }

    /** The window field: free buffer space, scaled, never moving the right edge back (section 3.8.6.2.1). */
    int windowField() {
        long window = Math.max(windowToAdvertise(), rcv.advertisedEdge - rcv.next());
        // Rounded up, as Linux does, so that scaling never moves the right edge back.
        return (int) Math.min(65_535, (window + (1L << rcv.wscale) - 1) >> rcv.wscale);
    }

    /**
     * What the buffer could take now, as Linux's __tcp_select_window: with window scaling, what is free
     * up to rcv_ssthresh, rounded up to the scale's unit so that scaling never hides it; but once less
     * than half the buffer is free, rounded down, and none at all below a sixteenth of the buffer or a
     * segment (receiver silly window avoidance, RFC 9293 section 3.8.6.2.2).
     */
    long windowToAdvertise() {
        long held = rcv.buffer.readable() + rcv.buffer.aheadBytes();
        if (rcv.wscale > 0) {
            long free = tcb.receiveWindow.free(held);
            long unit = 1L << rcv.wscale;
            if (free < tcb.receiveWindow.full() / 2) {
                free = Math.max(0, free) / unit * unit;
                if (free < tcb.receiveWindow.allowed() / 16 || free < Math.min(tcb.acks.rcvMss(), tcb.receiveWindow.full())) {
                    return 0;
                }
            }
            free = Math.min(free, tcb.receiveWindow.threshold());
            return (free + unit - 1) / unit * unit;
        }
        long free = tcb.receiveWindow.offer(held);
        if (free < Math.min(tcb.config.receiveBuffer() / 2, options.mss)) {
            free = 0;
        }
        if (rcv.wscale == 0 && free > 0) {
            // Without window scaling Linux offers whole segments of the sender's size (__tcp_select_window:
            // rounddown(free_space, rcv_mss)), keeping the offer it made while that is within a segment.
            long current = rcv.advertisedEdge - rcv.next();
            int rcvMss = tcb.acks.rcvMss();
            return current > free - rcvMss && current <= free ? current : free / rcvMss * rcvMss;
        }
        return Math.max(0, free);
    }
}

package org.wirelab.simulator.tcp;

/**
 * The receive sequence space of RFC 9293 section 3.3.1, as offsets from the IRS (the peer's SYN at 0,
 * its first data byte at 1), and what Linux keeps beside it.
 *
 * <pre>
 *     1          2          3
 * ----------|----------|----------
 *        RCV.NXT    RCV.NXT
 *                  +RCV.WND
 * 1 - old sequence numbers that have been acknowledged
 * 2 - sequence numbers allowed for new reception
 * 3 - future sequence numbers that are not yet allowed
 * </pre>
 */
final class ReceiveSequence {
    /** The bytes received: in order (up to RCV.NXT) and held beyond a gap. */
    final ReceiveBuffer buffer;
    /** IRS: the initial receive sequence number, on the wire. */
    long irs;
    /** RCV.NXT + RCV.WND as last announced: the right edge never moves back (section 3.8.6.2.1). */
    long advertisedEdge;
    /** RCV.NXT and RCV.WND when the last ACK left (Linux's rcv_wup and rcv_wnd). */
    long wup;
    long wnd;
    /** Rcv.Wind.Shift (RFC 7323): how far this side's window fields are shifted. */
    int wscale;
    /** The peer's SYN offered window scaling (RFC 7323 section 2.2), with whatever shift. */
    boolean peerScales;
    /** The peer's FIN has been received in order: it takes one sequence number. */
    boolean finReceived;
    /** Where a FIN that came beyond a gap sits, until the gap fills; {@link SendSequence#NONE} otherwise. */
    long finAhead = SendSequence.NONE;

    ReceiveSequence(ReceiveBuffer buffer, int wscale) {
        this.buffer = buffer;
        this.wscale = wscale;
    }

    /** RCV.NXT: the next sequence offset expected. */
    long next() {
        return 1 + buffer.next() + (finReceived ? 1 : 0);
    }

    /** The acknowledgment number that says RCV.NXT, on the wire. */
    long wireNext() {
        return (irs + next()) & SendSequence.MASK;
    }

    /** The offset of a wire sequence number near RCV.NXT. */
    long unwrap(long wire) {
        long expected = next();
        long expectedWire = (irs + expected) & SendSequence.MASK;
        return expected + (int) (wire - expectedWire);
    }

    /** The window the peer was last told, from RCV.NXT. */
    long announcedWindow() {
        return advertisedEdge - next();
    }
}

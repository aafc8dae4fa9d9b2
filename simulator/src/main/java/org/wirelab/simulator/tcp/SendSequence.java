package org.wirelab.simulator.tcp;

/**
 * The send sequence space of RFC 9293 section 3.3.1, and what Linux keeps beside it. Every sequence
 * variable is an offset from the ISS in 64-bit arithmetic (the SYN is at 0, the first data byte at 1),
 * so it never wraps; the wire carries {@code (ISS + offset) mod 2^32}.
 *
 * <pre>
 *      1         2          3          4
 * ----------|----------|----------|----------
 *        SND.UNA    SND.NXT    SND.UNA
 *                             +SND.WND
 * 1 - acknowledged   2 - sent, not yet acknowledged
 * 3 - may be sent    4 - may not be sent yet
 * </pre>
 */
final class SendSequence {
    static final long MASK = 0xffffffffL;
    /** A sequence variable that has no value yet. */
    static final long NONE = -1;

    /** ISS: the initial send sequence number, on the wire. */
    final long iss;
    /** SND.UNA: the oldest byte not yet acknowledged. */
    long una;
    /** SND.NXT: the next byte to send (moved back to SND.UNA by a timeout, go-back-N). */
    long nxt;
    /** The highest offset sent so far (Linux's snd_nxt): below it, a segment is a retransmission. */
    long max;
    /** SND.WND: the window the peer offers, in bytes (scaled). */
    long wnd;
    /** SND.WL1, SND.WL2: sequence and acknowledgment of the segment that last set SND.WND. */
    long wl1 = NONE;
    long wl2;
    /** The largest window the peer has offered (Linux's max_window): it bounds the segment size. */
    long maxWnd;
    /** Snd.Wind.Shift (RFC 7323): how far the peer's window fields are shifted. */
    int wscale;
    /** The end of the last segment sent shorter than the MSS (Linux's snd_sml, for Minshall's Nagle). */
    long sml;

    SendSequence(long iss) {
        this.iss = iss;
    }

    /** Bytes (and SYN, FIN) sent and not acknowledged: RFC 5681's FlightSize. */
    long flightSize() {
        return max - una;
    }

    /** The offset of a wire sequence number near SND.UNA (an ACK, a SACK block's edge). */
    long unwrap(long wire) {
        long wireUna = (iss + una) & MASK;
        return una + (int) (wire - wireUna);
    }

    /** The wire sequence number of an offset. */
    long wire(long offset) {
        return (iss + offset) & MASK;
    }
}

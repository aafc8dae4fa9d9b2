package org.wirelab.core.decode;

/**
 * The part of a frame a decoder reads: frame bytes from {@code offset} up to the captured {@code end},
 * and {@code length}, how many bytes this protocol's data has on the wire (more than captured when the
 * snapshot length cut the frame; fewer when link-layer padding follows it).
 *
 * @param pseudoHeader the enclosing IP header's addresses, for TCP/UDP/ICMPv6 checksums; null outside IP
 * @param embedded true inside an ICMP error's quoted datagram, which is a truncated copy by design
 * @param fragment true for the payload of an IP datagram's first fragment: the transport header is there,
 *        but the length is the fragment's, not the segment's
 */
public record Slice(byte[] bytes, int offset, int end, int length, PseudoHeader pseudoHeader, boolean embedded,
        boolean fragment) {

    /** A whole frame: {@code originalLength} is its length on the wire. */
    public static Slice ofFrame(byte[] bytes, int originalLength) {
        return new Slice(bytes, 0, bytes.length, Math.max(originalLength, bytes.length), null, false, false);
    }

    /** Bytes captured from {@code offset} (0 when the slice starts beyond the capture). */
    public int captured() {
        return Math.max(0, Math.min(end, (int) Math.min(Integer.MAX_VALUE, (long) offset + length)) - offset);
    }

    /** Whether the first {@code count} bytes of the slice are captured. */
    public boolean has(int count) {
        return captured() >= count;
    }

    /** The rest of the slice after a header of {@code headerLength} bytes. */
    public Slice after(int headerLength) {
        return sub(offset + headerLength, Math.max(0, length - headerLength));
    }

    /** A sub-slice from frame offset {@code start} with {@code newLength} bytes on the wire. */
    public Slice sub(int start, int newLength) {
        int newEnd = (int) Math.max(start, Math.min(end, (long) start + newLength));
        return new Slice(bytes, start, newEnd, newLength, pseudoHeader, embedded, fragment);
    }

    public Slice withPseudoHeader(PseudoHeader header) {
        return new Slice(bytes, offset, end, length, header, embedded, fragment);
    }

    public Slice asEmbedded() {
        return new Slice(bytes, offset, end, length, pseudoHeader, true, fragment);
    }

    public Slice asFragment() {
        return new Slice(bytes, offset, end, length, pseudoHeader, embedded, true);
    }

    /** Whether this slice's length is the whole transport message (not a quoted copy or a fragment). */
    public boolean whole() {
        return !embedded && !fragment;
    }

    /** The captured bytes' range in the frame. */
    public ByteRange capturedRange() {
        return new ByteRange(offset, captured());
    }
}

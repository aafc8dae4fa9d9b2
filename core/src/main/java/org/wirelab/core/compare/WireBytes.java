package org.wirelab.core.compare;

/**
 * Where the bytes of some frames went on the wire: each layer's headers, the application's payload,
 * and what is left (Ethernet padding, or bytes the capture cut). {@code wire} is the sum of tshark's
 * {@code frame.len}; the parts add up to it.
 */
public record WireBytes(long frames, long wire, long link, long network, long transport, long payload) {

    public static final WireBytes NONE = new WireBytes(0, 0, 0, 0, 0, 0);

    /** Bytes that are neither a header nor payload: trailers, padding, bytes not captured. */
    public long rest() {
        return wire - link - network - transport - payload;
    }

    /** Header bytes of every layer together. */
    public long headers() {
        return link + network + transport;
    }

    WireBytes plus(long frameLength, long linkHeader, long networkHeader, long transportHeader, long payloadBytes) {
        return new WireBytes(frames + 1, wire + frameLength, link + linkHeader, network + networkHeader,
                transport + transportHeader, payload + payloadBytes);
    }
}

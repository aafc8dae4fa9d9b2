package org.wirelab.core.encode;

/**
 * Serialises {@link FrameLayers} into frame bytes: each header in turn, the payload, the trailer.
 * Lengths, checksums and next-protocol fields marked {@link Computed#VALUE} are computed (the TCP and
 * UDP checksums over their pseudo-header, RFC 9293 section 3.1 and RFC 8200 section 8.1); any other
 * value is written as given, so a parsed frame re-encodes to its exact bytes.
 */
public final class FrameEncoder {
    private FrameEncoder() {
    }

    public static byte[] encode(FrameLayers frame) {
        byte[] out = new byte[frame.length()];
        encode(frame, out, 0);
        return out;
    }

    /** Writes the frame at {@code offset} of {@code out}, which must hold {@link FrameLayers#length()} bytes more. */
    public static void encode(FrameLayers frame, byte[] out, int offset) {
        encode(frame.link(), frame.network(), frame.transport(), frame.payloadArray(), frame.trailerArray(), out,
                offset);
    }

    /**
     * Writes the frame made of these layers at {@code offset} of {@code out}, which must hold them all;
     * {@code network} and {@code transport} may be null as in {@link FrameLayers}. Reads {@code payload}
     * and {@code trailer} without copying them, for callers that encode many frames (the simulator).
     */
    public static void encode(LinkHeader link, NetworkHeader network, TransportHeader transport, byte[] payload,
            byte[] trailer, byte[] out, int offset) {
        int linkLength = link.headerLength();
        int networkLength = network == null ? 0 : network.headerLength();
        int transportLength = transport == null ? 0 : transport.headerLength();
        int networkAt = offset + linkLength;
        int transportAt = networkAt + networkLength;
        int payloadAt = transportAt + transportLength;

        link.write(out, offset, network == null ? Computed.VALUE : network.etherType());
        System.arraycopy(payload, 0, out, payloadAt, payload.length);
        if (network != null) {
            int protocol = transport == null ? Computed.VALUE : transport.protocol();
            network.write(out, networkAt, transportLength + payload.length, protocol);
        }
        if (transport != null) {
            int segmentLength = transportLength + payload.length;
            transport.write(out, transportAt, payload.length, network.pseudoHeaderSum(transport.protocol(),
                    segmentLength));
        }
        System.arraycopy(trailer, 0, out, payloadAt + payload.length, trailer.length);
    }
}

package org.wirelab.core.encode;

import java.util.Arrays;

/**
 * The headers and bytes of one frame to encode, outermost first: a link header, an optional IP header,
 * an optional TCP or UDP header (only with an IP header), the payload, and a trailer after the IP
 * datagram (Ethernet padding or FCS; usually empty). {@code network} and {@code transport} are null when
 * absent; the payload then holds everything after the last header present.
 */
public record FrameLayers(LinkHeader link, NetworkHeader network, TransportHeader transport, byte[] payload,
        byte[] trailer) {

    public FrameLayers {
        if (link == null) {
            throw new IllegalArgumentException("a frame needs a link header");
        }
        if (transport != null && network == null) {
            throw new IllegalArgumentException("a transport header needs a network header");
        }
        payload = payload.clone();
        trailer = trailer.clone();
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    @Override
    public byte[] trailer() {
        return trailer.clone();
    }

    public int payloadLength() {
        return payload.length;
    }

    /** The encoded frame's size in bytes. */
    public int length() {
        return link.headerLength() + (network == null ? 0 : network.headerLength())
                + (transport == null ? 0 : transport.headerLength()) + payload.length + trailer.length;
    }

    /** Payload access for the encoder without a copy. */
    byte[] payloadArray() {
        return payload;
    }

    byte[] trailerArray() {
        return trailer;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FrameLayers f && link.equals(f.link) && java.util.Objects.equals(network, f.network)
                && java.util.Objects.equals(transport, f.transport) && Arrays.equals(payload, f.payload)
                && Arrays.equals(trailer, f.trailer);
    }

    @Override
    public int hashCode() {
        return 31 * link.hashCode() + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return "FrameLayers[" + link + ", " + network + ", " + transport + ", payload " + payload.length
                + " bytes, trailer " + trailer.length + " bytes]";
    }
}

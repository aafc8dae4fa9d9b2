package org.wirelab.core.protocol.ipv6;

import java.util.Arrays;
import java.util.List;
import org.wirelab.core.encode.Bytes;
import org.wirelab.core.encode.Computed;
import org.wirelab.core.encode.LinkHeader;
import org.wirelab.core.encode.NetworkHeader;
import org.wirelab.core.net.InternetChecksum;

/**
 * An IPv6 header (RFC 8200) with its extension headers, kept as raw blocks. {@code payloadLength} and
 * {@code nextHeader} may be {@link Computed#VALUE}: the next header then names the first extension
 * header, or the transport protocol when there is none. Extension headers are written verbatim, their
 * own Next Header bytes included.
 */
public record Ipv6Header(int trafficClass, int flowLabel, int payloadLength, int nextHeader, int hopLimit,
        byte[] source, byte[] destination, List<Ipv6ExtensionHeader> extensionHeaders) implements NetworkHeader {

    public Ipv6Header {
        Bytes.checkRange("traffic class", trafficClass, 255);
        Bytes.checkRange("flow label", flowLabel, 0xfffff);
        Bytes.checkRangeOrComputed("payload length", payloadLength, 0xffff);
        Bytes.checkRangeOrComputed("next header", nextHeader, 255);
        Bytes.checkRange("hop limit", hopLimit, 255);
        source = Bytes.copy(source, 16, "IPv6 source");
        destination = Bytes.copy(destination, 16, "IPv6 destination");
        extensionHeaders = List.copyOf(extensionHeaders);
    }

    /** A header as Linux sends it (hop limit 64, no flow label), lengths and next header computed. */
    public static Ipv6Header of(byte[] source, byte[] destination) {
        return new Ipv6Header(0, 0, Computed.VALUE, Computed.VALUE, 64, source, destination, List.of());
    }

    @Override
    public byte[] source() {
        return source.clone();
    }

    @Override
    public byte[] destination() {
        return destination.clone();
    }

    @Override
    public int etherType() {
        return 0x86dd;
    }

    @Override
    public int protocol() {
        return nextHeader;
    }

    @Override
    public int headerLength() {
        int length = 40;
        for (Ipv6ExtensionHeader header : extensionHeaders) {
            length += header.length();
        }
        return length;
    }

    @Override
    public void write(byte[] out, int offset, int upperLength, int transportProtocol) {
        int headerLength = headerLength();
        Bytes.put32(out, offset, (6L << 28) | ((long) trafficClass << 20) | flowLabel);
        Bytes.put16(out, offset + 4,
                Computed.isComputed(payloadLength) ? headerLength - 40 + upperLength : payloadLength);
        int first = extensionHeaders.isEmpty() ? transportProtocol : extensionHeaders.get(0).type();
        out[offset + 6] = (byte) LinkHeader.resolve(nextHeader, first, "IPv6 next header");
        out[offset + 7] = (byte) hopLimit;
        System.arraycopy(source, 0, out, offset + 8, 16);
        System.arraycopy(destination, 0, out, offset + 24, 16);
        int at = offset + 40;
        for (Ipv6ExtensionHeader header : extensionHeaders) {
            header.write(out, at);
            at += header.length();
        }
    }

    @Override
    public long pseudoHeaderSum(int transportProtocol, int transportLength) {
        // RFC 8200 section 8.1; with a routing header the final destination would be used instead.
        long sum = InternetChecksum.add(0, source, 0, 16);
        sum = InternetChecksum.add(sum, destination, 0, 16);
        sum = InternetChecksum.addWord(sum, transportLength >>> 16);
        sum = InternetChecksum.addWord(sum, transportLength);
        return InternetChecksum.addWord(sum, transportProtocol);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ipv6Header h && trafficClass == h.trafficClass && flowLabel == h.flowLabel
                && payloadLength == h.payloadLength && nextHeader == h.nextHeader && hopLimit == h.hopLimit
                && Arrays.equals(source, h.source) && Arrays.equals(destination, h.destination)
                && extensionHeaders.equals(h.extensionHeaders);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(source) + Arrays.hashCode(destination);
    }

    @Override
    public String toString() {
        return "Ipv6Header[" + org.wirelab.core.net.AddressText.ipv6(source, 0) + " -> "
                + org.wirelab.core.net.AddressText.ipv6(destination, 0) + ", next " + nextHeader + ", hop limit "
                + hopLimit + ", payload " + payloadLength + ", extensions " + extensionHeaders.size() + "]";
    }
}

package org.wirelab.core.protocol.ipv4;

import java.util.Arrays;
import org.wirelab.core.encode.Bytes;
import org.wirelab.core.encode.Computed;
import org.wirelab.core.encode.LinkHeader;
import org.wirelab.core.encode.NetworkHeader;
import org.wirelab.core.net.InternetChecksum;

/**
 * An IPv4 header (RFC 791) with every field. The header length comes from the options, which are
 * padded with zero bytes (End of Option List) to a multiple of 4. {@code totalLength},
 * {@code protocol} and {@code headerChecksum} may be {@link Computed#VALUE}.
 *
 * @param flags the 3 flag bits: {@link #FLAG_RESERVED}, {@link #FLAG_DONT_FRAGMENT}, {@link #FLAG_MORE_FRAGMENTS}
 * @param fragmentOffset in units of 8 bytes
 */
public record Ipv4Header(int dscp, int ecn, int totalLength, int identification, int flags, int fragmentOffset,
        int timeToLive, int protocol, int headerChecksum, byte[] source, byte[] destination, byte[] options)
        implements NetworkHeader {
    /** The flag bits as this record holds them, Ipv4's shifted down past the fragment offset. */
    public static final int FLAG_RESERVED = Ipv4.FLAG_RESERVED >>> 13;
    public static final int FLAG_DONT_FRAGMENT = Ipv4.FLAG_DONT_FRAGMENT >>> 13;
    public static final int FLAG_MORE_FRAGMENTS = Ipv4.FLAG_MORE_FRAGMENTS >>> 13;

    public Ipv4Header {
        Bytes.checkRange("DSCP", dscp, 63);
        Bytes.checkRange("ECN", ecn, 3);
        Bytes.checkRangeOrComputed("total length", totalLength, 0xffff);
        Bytes.checkRange("identification", identification, 0xffff);
        Bytes.checkRange("flags", flags, 7);
        Bytes.checkRange("fragment offset", fragmentOffset, 0x1fff);
        Bytes.checkRange("TTL", timeToLive, 255);
        Bytes.checkRangeOrComputed("protocol", protocol, 255);
        Bytes.checkRangeOrComputed("header checksum", headerChecksum, 0xffff);
        source = Bytes.copy(source, 4, "IPv4 source");
        destination = Bytes.copy(destination, 4, "IPv4 destination");
        options = options.clone();
        if (options.length > 40) {
            throw new IllegalArgumentException("IPv4 options are at most 40 bytes, not " + options.length);
        }
    }

    /** A header as Linux sends it (TTL 64, Don't Fragment), with lengths, protocol and checksum computed. */
    public static Ipv4Header of(byte[] source, byte[] destination, int identification) {
        return new Ipv4Header(0, 0, Computed.VALUE, identification, FLAG_DONT_FRAGMENT, 0, 64, Computed.VALUE,
                Computed.VALUE, source, destination, new byte[0]);
    }

    public Ipv4Header withHeaderChecksum(int checksum) {
        return new Ipv4Header(dscp, ecn, totalLength, identification, flags, fragmentOffset, timeToLive, protocol,
                checksum, source, destination, options);
    }

    public Ipv4Header withTotalLength(int length) {
        return new Ipv4Header(dscp, ecn, length, identification, flags, fragmentOffset, timeToLive, protocol,
                headerChecksum, source, destination, options);
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
    public byte[] options() {
        return options.clone();
    }

    /** The Internet Header Length field: 32-bit words. */
    public int internetHeaderLength() {
        return 5 + (options.length + 3) / 4;
    }

    @Override
    public int etherType() {
        return 0x0800;
    }

    @Override
    public int headerLength() {
        return 4 * internetHeaderLength();
    }

    @Override
    public void write(byte[] out, int offset, int upperLength, int transportProtocol) {
        int headerLength = headerLength();
        writeFields(out, offset, internetHeaderLength(), dscp, ecn,
                Computed.isComputed(totalLength) ? headerLength + upperLength : totalLength, identification, flags,
                fragmentOffset, timeToLive, LinkHeader.resolve(protocol, transportProtocol, "IPv4 protocol"), source,
                destination);
        System.arraycopy(options, 0, out, offset + 20, options.length);
        Arrays.fill(out, offset + 20 + options.length, offset + headerLength, (byte) 0);
        int checksum = Computed.isComputed(headerChecksum) ? InternetChecksum.of(out, offset, headerLength)
                : headerChecksum;
        Bytes.put16(out, offset + 10, checksum);
    }

    /**
     * Writes a 20-byte header without options at {@code offset}, its checksum computed: what {@link #write}
     * writes for such a header, for an encoder that sends many datagrams without making a header for each
     * (the simulator). Values as the record holds them.
     */
    public static void write(byte[] out, int offset, int dscp, int ecn, int totalLength, int identification, int flags,
            int fragmentOffset, int timeToLive, int protocol, byte[] source, byte[] destination) {
        writeFields(out, offset, 5, dscp, ecn, totalLength, identification, flags, fragmentOffset, timeToLive, protocol,
                source, destination);
        Bytes.put16(out, offset + 10, InternetChecksum.of(out, offset, 20));
    }

    /** The 20 bytes before the options, the checksum field zero. */
    private static void writeFields(byte[] out, int offset, int internetHeaderLength, int dscp, int ecn,
            int totalLength, int identification, int flags, int fragmentOffset, int timeToLive, int protocol,
            byte[] source, byte[] destination) {
        out[offset] = (byte) (0x40 | internetHeaderLength);
        out[offset + 1] = (byte) ((dscp << 2) | ecn);
        Bytes.put16(out, offset + 2, totalLength);
        Bytes.put16(out, offset + 4, identification);
        Bytes.put16(out, offset + 6, (flags << 13) | fragmentOffset);
        out[offset + 8] = (byte) timeToLive;
        out[offset + 9] = (byte) protocol;
        Bytes.put16(out, offset + 10, 0);
        System.arraycopy(source, 0, out, offset + 12, 4);
        System.arraycopy(destination, 0, out, offset + 16, 4);
    }

    @Override
    public long pseudoHeaderSum(int transportProtocol, int transportLength) {
        return pseudoHeaderSum(source, destination, transportProtocol, transportLength);
    }

    /** {@link #pseudoHeaderSum(int, int)} of a datagram between these addresses, without making its header. */
    public static long pseudoHeaderSum(byte[] source, byte[] destination, int transportProtocol, int transportLength) {
        long sum = InternetChecksum.add(0, source, 0, 4);
        sum = InternetChecksum.add(sum, destination, 0, 4);
        sum = InternetChecksum.addWord(sum, transportProtocol);
        return InternetChecksum.addWord(sum, transportLength);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ipv4Header h && dscp == h.dscp && ecn == h.ecn && totalLength == h.totalLength
                && identification == h.identification && flags == h.flags && fragmentOffset == h.fragmentOffset
                && timeToLive == h.timeToLive && protocol == h.protocol && headerChecksum == h.headerChecksum
                && Arrays.equals(source, h.source) && Arrays.equals(destination, h.destination)
                && Arrays.equals(options, h.options);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(source) + Arrays.hashCode(destination)) + identification;
    }

    @Override
    public String toString() {
        return "Ipv4Header[" + org.wirelab.core.net.AddressText.ipv4(source, 0) + " -> "
                + org.wirelab.core.net.AddressText.ipv4(destination, 0) + ", id 0x" + Integer.toHexString(identification)
                + ", ttl " + timeToLive + ", proto " + protocol + ", len " + totalLength + ", options "
                + options.length + "]";
    }
}

package org.wirelab.core.protocol.udp;

import org.wirelab.core.encode.Bytes;
import org.wirelab.core.encode.Computed;
import org.wirelab.core.encode.TransportHeader;
import org.wirelab.core.header.IpProtocol;
import org.wirelab.core.net.InternetChecksum;

/**
 * A UDP header (RFC 768). {@code length} and {@code checksum} may be {@link Computed#VALUE}; a computed
 * checksum of 0 is sent as 0xffff, since 0 means "no checksum" over IPv4.
 */
public record UdpHeader(int sourcePort, int destinationPort, int length, int checksum) implements TransportHeader {
    public static final int PROTOCOL = IpProtocol.UDP;

    public UdpHeader {
        Bytes.checkRange("source port", sourcePort, 0xffff);
        Bytes.checkRange("destination port", destinationPort, 0xffff);
        Bytes.checkRangeOrComputed("UDP length", length, 0xffff);
        Bytes.checkRangeOrComputed("UDP checksum", checksum, 0xffff);
    }

    public static UdpHeader of(int sourcePort, int destinationPort) {
        return new UdpHeader(sourcePort, destinationPort, Computed.VALUE, Computed.VALUE);
    }

    public UdpHeader withChecksum(int value) {
        return new UdpHeader(sourcePort, destinationPort, length, value);
    }

    @Override
    public int protocol() {
        return PROTOCOL;
    }

    @Override
    public int headerLength() {
        return 8;
    }

    @Override
    public void write(byte[] out, int offset, int payloadLength, long pseudoHeaderSum) {
        int datagramLength = 8 + payloadLength;
        Bytes.put16(out, offset, sourcePort);
        Bytes.put16(out, offset + 2, destinationPort);
        Bytes.put16(out, offset + 4, Computed.isComputed(length) ? datagramLength : length);
        Bytes.put16(out, offset + 6, 0);
        int value = checksum;
        if (Computed.isComputed(checksum)) {
            value = InternetChecksum.finish(InternetChecksum.add(pseudoHeaderSum, out, offset, datagramLength));
            value = value == 0 ? 0xffff : value;
        }
        Bytes.put16(out, offset + 6, value);
    }
}

package org.wirelab.core.protocol.tcp;

import java.util.List;
import org.wirelab.core.encode.Bytes;
import org.wirelab.core.encode.Computed;
import org.wirelab.core.encode.TransportHeader;
import org.wirelab.core.header.IpProtocol;
import org.wirelab.core.net.InternetChecksum;

/**
 * A TCP header (RFC 9293 section 3.1) with its options. The data offset comes from the options, padded
 * with zero bytes (End of Option List) to a multiple of 4. {@code checksum} may be
 * {@link Computed#VALUE}.
 *
 * @param sequenceNumber and {@code acknowledgmentNumber}: raw 32-bit values, 0 to 2^32-1
 * @param flags the 12 bits after the data offset, as Wireshark's {@code tcp.flags}: 3 reserved bits,
 *     then AE (formerly NS), CWR, ECE, URG, ACK, PSH, RST, SYN, FIN ({@link Tcp#FIN} ...)
 */
public record TcpHeader(int sourcePort, int destinationPort, long sequenceNumber, long acknowledgmentNumber,
        int flags, int window, int checksum, int urgentPointer, List<TcpOption> options) implements TransportHeader {
    public static final int PROTOCOL = IpProtocol.TCP;

    public TcpHeader {
        Bytes.checkRange("source port", sourcePort, 0xffff);
        Bytes.checkRange("destination port", destinationPort, 0xffff);
        Bytes.checkRange("sequence number", sequenceNumber, 0xffffffffL);
        Bytes.checkRange("acknowledgment number", acknowledgmentNumber, 0xffffffffL);
        Bytes.checkRange("flags", flags, 0xfff);
        Bytes.checkRange("window", window, 0xffff);
        Bytes.checkRangeOrComputed("TCP checksum", checksum, 0xffff);
        Bytes.checkRange("urgent pointer", urgentPointer, 0xffff);
        options = List.copyOf(options);
        int optionBytes = 0;
        for (TcpOption option : options) {
            optionBytes += option.length();
        }
        if (optionBytes > 40) {
            throw new IllegalArgumentException("TCP options are at most 40 bytes, not " + optionBytes);
        }
    }

    /** A header with no options and a computed checksum. */
    public static TcpHeader of(int sourcePort, int destinationPort, long sequenceNumber, long acknowledgmentNumber,
            int flags, int window) {
        return new TcpHeader(sourcePort, destinationPort, sequenceNumber, acknowledgmentNumber, flags, window,
                Computed.VALUE, 0, List.of());
    }

    public TcpHeader withOptions(List<TcpOption> newOptions) {
        return new TcpHeader(sourcePort, destinationPort, sequenceNumber, acknowledgmentNumber, flags, window,
                checksum, urgentPointer, newOptions);
    }

    public TcpHeader withChecksum(int value) {
        return new TcpHeader(sourcePort, destinationPort, sequenceNumber, acknowledgmentNumber, flags, window,
                value, urgentPointer, options);
    }

    public boolean has(int flag) {
        return (flags & flag) == flag;
    }

    @Override
    public int protocol() {
        return PROTOCOL;
    }

    /** The Data Offset field: the header's size in 32-bit words. */
    public int dataOffset() {
        int optionBytes = 0;
        for (TcpOption option : options) {
            optionBytes += option.length();
        }
        return 5 + (optionBytes + 3) / 4;
    }

    @Override
    public int headerLength() {
        return 4 * dataOffset();
    }

    @Override
    public void write(byte[] out, int offset, int payloadLength, long pseudoHeaderSum) {
        int dataOffset = dataOffset();
        int headerLength = 4 * dataOffset;
        writeFixedFields(out, offset, sourcePort, destinationPort, sequenceNumber, acknowledgmentNumber, dataOffset,
                flags, window, urgentPointer);
        int at = offset + 20;
        for (TcpOption option : options) {
            option.write(out, at);
            at += option.length();
        }
        while (at < offset + headerLength) {
            out[at++] = 0;
        }
        if (Computed.isComputed(checksum)) {
            writeChecksum(out, offset, headerLength, pseudoHeaderSum,
                    InternetChecksum.add(0, out, offset + headerLength, payloadLength));
        } else {
            Bytes.put16(out, offset + 16, checksum);
        }
    }

    /**
     * Writes the 20 bytes before the options at {@code offset}, the checksum field zero: what
     * {@link #write} writes first, for an encoder that sends many segments without making a header for
     * each (the simulator). Values as the record holds them; {@code dataOffset} in 32-bit words.
     */
    public static void writeFixedFields(byte[] out, int offset, int sourcePort, int destinationPort,
            long sequenceNumber, long acknowledgmentNumber, int dataOffset, int flags, int window, int urgentPointer) {
        Bytes.put16(out, offset, sourcePort);
        Bytes.put16(out, offset + 2, destinationPort);
        Bytes.put32(out, offset + 4, sequenceNumber);
        Bytes.put32(out, offset + 8, acknowledgmentNumber);
        Bytes.put16(out, offset + 12, (dataOffset << 12) | flags);
        Bytes.put16(out, offset + 14, window);
        Bytes.put16(out, offset + 16, 0);
        Bytes.put16(out, offset + 18, urgentPointer);
    }

    /**
     * Computes the checksum (RFC 9293 section 3.1) of the segment whose header, {@code headerLength}
     * bytes with a zero checksum field, is at {@code offset}, and writes it there: the pseudo-header's
     * sum, the header's, and {@code payloadSum}, the payload's own ({@link InternetChecksum#add} from 0),
     * which a sender of the same payload array again may have kept. The header's length being a multiple
     * of 4, the payload's words are the segment's.
     */
    public static void writeChecksum(byte[] out, int offset, int headerLength, long pseudoHeaderSum, long payloadSum) {
        long sum = InternetChecksum.add(pseudoHeaderSum, out, offset, headerLength) + payloadSum;
        Bytes.put16(out, offset + 16, InternetChecksum.finish(sum));
    }
}

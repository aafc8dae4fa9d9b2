package org.wirelab.core.protocol.tcp;

import java.util.ArrayList;
import java.util.List;
import org.wirelab.core.decode.Field;
import org.wirelab.core.decode.HeaderField;
import org.wirelab.core.decode.LayerBuilder;
import org.wirelab.core.decode.Next;
import org.wirelab.core.decode.ProtocolDecoder;
import org.wirelab.core.decode.Slice;
import org.wirelab.core.decode.Step;
import org.wirelab.core.decode.Wording;
import org.wirelab.core.decode.transport.TransportChecksum;
import org.wirelab.core.header.IpProtocol;

/**
 * TCP (RFC 9293): every header field, the flags as sub-fields, the options (MSS, window scale, SACK
 * permitted, SACK blocks, timestamps, NOP, EOL, unknown kinds) and the checksum verified.
 *
 * <p>As tshark: when the 20 fixed bytes are not all captured only the ports are shown; the segment
 * length (tcp.len) is the IP payload length minus the header length, whatever was captured.
 */
public final class TcpDecoder implements ProtocolDecoder {
    /** The flag bits under tcp.flags, in the tree's order (the highest bit first). */
    private static final List<HeaderField> FLAG_BITS = List.of(Tcp.FLAGS_RES, Tcp.FLAGS_AE, Tcp.FLAGS_CWR,
            Tcp.FLAGS_ECE, Tcp.FLAGS_URG, Tcp.FLAGS_ACK, Tcp.FLAGS_PUSH, Tcp.FLAGS_RESET, Tcp.FLAGS_SYN, Tcp.FLAGS_FIN);

    @Override
    public Step decode(Slice slice) {
        byte[] b = slice.bytes();
        int o = slice.offset();
        LayerBuilder layer = new LayerBuilder(Tcp.PROTOCOL_FIELD.layerName(), 4, b, o);
        Wording title = new Wording("tcp.title", Wording.NO_VALUE);
        if (!slice.has(4)) {
            layer.error(o, slice.captured(), "TCP header needs 20 bytes, " + slice.captured() + " captured");
            return Step.last(layer.build(slice.end(), title, "TCP (truncated)"));
        }
        int sourcePort = Tcp.sourcePort(b, o);
        int destinationPort = Tcp.destinationPort(b, o);
        layer.add(Tcp.SRCPORT, o + Tcp.SOURCE_PORT, 2);
        layer.add(Tcp.DSTPORT, o + Tcp.DESTINATION_PORT, 2);
        title = new Wording("tcp.title.ports", Wording.NO_VALUE, Integer.toString(sourcePort),
                Integer.toString(destinationPort));
        String ports = "TCP " + sourcePort + " → " + destinationPort;
        if (!slice.has(Tcp.MIN_HEADER_LENGTH)) {
            if (slice.embedded()) {
                layer.note(o, slice.captured(), "the ICMP error quotes " + slice.captured()
                        + " bytes of the TCP header");
            } else {
                layer.error(o, slice.captured(), "TCP header needs 20 bytes, " + slice.captured() + " captured");
            }
            return Step.last(layer.build(slice.end(), title, ports + " (header truncated)"));
        }
        int headerLength = Tcp.headerLength(b, o);
        int flags = Tcp.flags(b, o);
        int window = Tcp.window(b, o);
        long seq = Integer.toUnsignedLong(Tcp.sequenceNumber(b, o));
        long ack = Integer.toUnsignedLong(Tcp.acknowledgmentNumber(b, o));
        int segmentLength = slice.length() - headerLength;
        // tshark's order: the segment length (only for a whole segment, not a fragment or a quoted copy),
        // the sequence number, then a bogus header length stops before the acknowledgment and flags.
        if (slice.whole() && segmentLength >= 0) {
            layer.add(layer.generated(Tcp.LEN, o, Math.min(headerLength, slice.captured()), (long) segmentLength,
                    Integer.toString(segmentLength)));
        }
        layer.add(Tcp.SEQ_RAW, o + Tcp.SEQUENCE_NUMBER, 4);
        if (headerLength < Tcp.MIN_HEADER_LENGTH) {
            layer.add(headerLengthField(layer, o, headerLength));
            layer.error(o + Tcp.DATA_OFFSET_FLAGS, 1, "TCP header length " + headerLength
                    + " bytes is below the minimum of 20");
            return Step.last(layer.build(o + Tcp.MIN_HEADER_LENGTH, title, ports + " (bad header length)"));
        }
        layer.add(Tcp.ACK_RAW, o + Tcp.ACKNOWLEDGMENT_NUMBER, 4);
        layer.add(headerLengthField(layer, o, headerLength));
        layer.add(flagsField(layer, o + Tcp.DATA_OFFSET_FLAGS, flags));
        layer.add(Tcp.WINDOW_SIZE_VALUE, o + Tcp.WINDOW, 2);
        TransportChecksum.add(layer, slice, Tcp.CHECKSUM_FIELD, Tcp.CHECKSUM_STATUS, IpProtocol.TCP, o + Tcp.CHECKSUM);
        layer.add(Tcp.URGENT_POINTER_FIELD, o + Tcp.URGENT_POINTER, 2);
        StringBuilder summary = new StringBuilder(ports).append(" [").append(Tcp.flagList(flags)).append("] Seq=")
                .append(seq);
        if ((flags & Tcp.ACK) != 0) {
            summary.append(" Ack=").append(ack);
        }
        summary.append(" Win=").append(window).append(" Len=").append(Math.max(0, segmentLength));
        int capturedHeader = Math.min(headerLength, slice.captured());
        if (headerLength > Tcp.MIN_HEADER_LENGTH) {
            layer.add(TcpOptions.decode(layer, o + Tcp.MIN_HEADER_LENGTH, o + capturedHeader, ack, summary));
        }
        if (capturedHeader < headerLength) {
            if (!slice.embedded()) {
                layer.error(o, capturedHeader, "TCP header claims " + headerLength + " bytes, " + capturedHeader
                        + " captured");
            }
            return Step.last(layer.build(o + capturedHeader, title, summary.toString()));
        }
        if (segmentLength < 0 && slice.whole()) {
            layer.error(o + Tcp.DATA_OFFSET_FLAGS, 1, "TCP header length " + headerLength + " exceeds the "
                    + slice.length() + " bytes of the IP payload");
            return Step.last(layer.build(o + headerLength, title, summary.toString()));
        }
        Slice payload = slice.after(headerLength);
        if (payload.captured() > 0 && !slice.embedded() && !slice.fragment() && (flags & Tcp.RST) == 0) {
            layer.add(layer.bytes(Tcp.PAYLOAD, payload.offset(), payload.captured(),
                    Integer.toString(payload.captured())));
        }
        if (payload.captured() > 0 && !slice.embedded() && (flags & Tcp.RST) != 0) {
            // RFC 9293 section 3.5.3: a reset may carry data saying why it was sent, which Wireshark reads as text.
            layer.add(layer.text(Tcp.RESET_CAUSE, payload.offset(), payload.captured(),
                    resetCause(slice.bytes(), payload.offset(), payload.captured())));
        }
        Next next = payload.captured() > 0 && !slice.embedded()
                ? new Next.ByPorts(IpProtocol.TCP, sourcePort, destinationPort) : Next.END;
        title = new Wording("tcp.title.segment", Wording.NO_VALUE, Integer.toString(sourcePort),
                Integer.toString(destinationPort), Integer.toString(segmentLength));
        return new Step(layer.build(o + headerLength, title, summary.toString()), next,
                payload);
    }

    /**
     * A reset's data as packet-tcp.c reads it, ASCII text that ends at the first NUL, each byte that is not
     * ASCII shown as U+FFFD.
     */
    static String resetCause(byte[] b, int at, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int k = at; k < at + length && b[k] != 0; k++) {
            text.append(b[k] > 0 ? (char) b[k] : '\ufffd');
        }
        return text.toString();
    }

    /** The data offset, shown in bytes with the 32-bit words it counts: "40 bytes (10)". */
    private static Field headerLengthField(LayerBuilder layer, int o, int headerLength) {
        return layer.field(Tcp.HDR_LEN, o + Tcp.DATA_OFFSET_FLAGS, 1, headerLength, "value.bytes_words",
                Integer.toString(headerLength), Integer.toString(headerLength / 4));
    }

    private static Field flagsField(LayerBuilder layer, int at, int flags) {
        List<Field> bits = new ArrayList<>();
        for (HeaderField bit : FLAG_BITS) {
            bits.add(layer.field(bit, at, 2));
        }
        String text = Tcp.flagsString(flags);
        bits.add(layer.generated(Tcp.FLAGS_STR, at, 2, text, text));
        String names = Tcp.flagList(flags);
        // tshark prints the 12-bit value with 4 hex digits (0x0012) in -T fields.
        Field field = names.isEmpty() ? layer.field(Tcp.FLAGS, at, 2)
                : layer.field(Tcp.FLAGS, at, 2, flags, "value.flags", LayerBuilder.hexText(flags, 4), names);
        return field.withChildren(bits);
    }
}

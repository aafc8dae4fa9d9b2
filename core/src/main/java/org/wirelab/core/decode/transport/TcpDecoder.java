package org.wirelab.core.decode.transport;

import java.util.ArrayList;
import java.util.List;
import org.wirelab.core.decode.Field;
import org.wirelab.core.decode.LayerBuilder;
import org.wirelab.core.decode.Next;
import org.wirelab.core.decode.ProtocolDecoder;
import org.wirelab.core.decode.Slice;
import org.wirelab.core.decode.Step;
import org.wirelab.core.header.IpProtocol;
import org.wirelab.core.header.Tcp;

/**
 * TCP (RFC 9293): every header field, the flags as sub-fields, the options (MSS, window scale, SACK
 * permitted, SACK blocks, timestamps, NOP, EOL, unknown kinds) and the checksum verified.
 *
 * <p>As tshark: when the 20 fixed bytes are not all captured only the ports are shown; the segment
 * length (tcp.len) is the IP payload length minus the header length, whatever was captured.
 */
public final class TcpDecoder implements ProtocolDecoder {
    private static final String[] FLAG_NAMES = {"FIN", "SYN", "RST", "PSH", "ACK", "URG", "ECE", "CWR", "AE"};

    @Override
    public Step decode(Slice slice) {
        byte[] b = slice.bytes();
        int o = slice.offset();
        LayerBuilder layer = new LayerBuilder("TCP", 4, b, o);
        String title = "Transmission Control Protocol";
        if (!slice.has(4)) {
            layer.error(o, slice.captured(), "TCP header needs 20 bytes, " + slice.captured() + " captured");
            return Step.last(layer.build(slice.end(), title, "TCP (truncated)"));
        }
        int sourcePort = Tcp.sourcePort(b, o);
        int destinationPort = Tcp.destinationPort(b, o);
        layer.add(layer.uint("tcp.srcport", "Source Port", o, 2, sourcePort));
        layer.add(layer.uint("tcp.dstport", "Destination Port", o + 2, 2, destinationPort));
        title = "Transmission Control Protocol, Src Port: " + sourcePort + ", Dst Port: " + destinationPort;
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
            layer.add(layer.generated("tcp.len", "TCP Segment Len", o, Math.min(headerLength, slice.captured()),
                    (long) segmentLength, Integer.toString(segmentLength)));
        }
        layer.add(layer.uint("tcp.seq_raw", "Sequence Number (raw)", o + Tcp.SEQUENCE_NUMBER, 4, seq));
        if (headerLength < Tcp.MIN_HEADER_LENGTH) {
            layer.add(layer.bits("tcp.hdr_len", "Header Length", o + Tcp.DATA_OFFSET_FLAGS, 1, 0xf0, headerLength,
                    headerLength + " bytes (" + headerLength / 4 + ")"));
            layer.error(o + Tcp.DATA_OFFSET_FLAGS, 1, "TCP header length " + headerLength
                    + " bytes is below the minimum of 20");
            return Step.last(layer.build(o + Tcp.MIN_HEADER_LENGTH, title, ports + " (bad header length)"));
        }
        layer.add(layer.uint("tcp.ack_raw", "Acknowledgment number (raw)", o + Tcp.ACKNOWLEDGMENT_NUMBER, 4, ack));
        layer.add(layer.bits("tcp.hdr_len", "Header Length", o + Tcp.DATA_OFFSET_FLAGS, 1, 0xf0, headerLength,
                headerLength + " bytes (" + headerLength / 4 + ")"));
        layer.add(flagsField(layer, o + Tcp.DATA_OFFSET_FLAGS, flags));
        layer.add(layer.uint("tcp.window_size_value", "Window", o + Tcp.WINDOW, 2, window));
        TransportChecksum.add(layer, slice, "tcp", IpProtocol.TCP, o + Tcp.CHECKSUM);
        layer.add(layer.uint("tcp.urgent_pointer", "Urgent Pointer", o + Tcp.URGENT_POINTER, 2,
                Tcp.urgentPointer(b, o)));
        StringBuilder summary = new StringBuilder(ports).append(" [").append(flagList(flags)).append("] Seq=")
                .append(seq);
        if ((flags & Tcp.ACK) != 0) {
            summary.append(" Ack=").append(ack);
        }
        summary.append(" Win=").append(window).append(" Len=").append(Math.max(0, segmentLength));
        int capturedHeader = Math.min(headerLength, slice.captured());
        if (headerLength > Tcp.MIN_HEADER_LENGTH) {
            layer.add(TcpOptions.decode(layer, o + Tcp.MIN_HEADER_LENGTH, o + capturedHeader, summary));
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
        Next next = payload.captured() > 0 && !slice.embedded()
                ? new Next.ByPorts(IpProtocol.TCP, sourcePort, destinationPort) : Next.END;
        return new Step(layer.build(o + headerLength, title + ", Len: " + segmentLength, summary.toString()), next,
                payload);
    }

    private static Field flagsField(LayerBuilder layer, int at, int flags) {
        String[] names = {"tcp.flags.fin", "tcp.flags.syn", "tcp.flags.reset", "tcp.flags.push", "tcp.flags.ack",
            "tcp.flags.urg", "tcp.flags.ece", "tcp.flags.cwr", "tcp.flags.ae"};
        String[] labels = {"Fin", "Syn", "Reset", "Push", "Acknowledgment", "Urgent", "ECN-Echo",
            "Congestion Window Reduced", "Accurate ECN"};
        List<Field> bits = new ArrayList<>();
        bits.add(layer.flag("tcp.flags.res", "Reserved", at, 2, Tcp.RESERVED));
        for (int i = names.length - 1; i >= 0; i--) {
            bits.add(layer.flag(names[i], labels[i], at, 2, 1 << i));
        }
        String text = Tcp.flagsString(flags);
        bits.add(layer.generated("tcp.flags.str", "TCP Flags", at, 2, text, text));
        // tshark prints the 12-bit value with 4 hex digits (0x0012) in -T fields.
        return layer.hexBits("tcp.flags", "Flags", at, 2, 0x0fff, flags, 4, flagList(flags)).withChildren(bits);
    }

    /** "SYN, ACK" as Wireshark's Info column names the set flags: lowest bit first. */
    static String flagList(int flags) {
        List<String> set = new ArrayList<>();
        for (int i = 0; i < FLAG_NAMES.length; i++) {
            if ((flags & (1 << i)) != 0) {
                set.add(FLAG_NAMES[i]);
            }
        }
        if ((flags & Tcp.RESERVED) != 0) {
            set.add("Reserved");
        }
        return String.join(", ", set);
    }
}

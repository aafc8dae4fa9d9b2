package org.wirelab.core.analysis;

import java.util.Arrays;
import org.wirelab.core.frame.FrameStore;
import org.wirelab.core.protocol.icmp.Icmp;
import org.wirelab.core.protocol.icmpv6.Icmpv6;
import org.wirelab.core.protocol.ipv4.Ipv4;
import org.wirelab.core.protocol.ipv6.Ipv6;
import org.wirelab.core.summary.PacketTable;

/**
 * The datagram an ICMP or ICMPv6 error answers. An error quotes the start of the datagram that caused
 * it (RFC 792, RFC 4443 section 2.4): its IP header and at least its first 8 bytes, the UDP or TCP
 * ports. The frame that carried that datagram is the latest earlier frame with the same addresses and
 * ports (and, for IPv4, the same identification): a UDP datagram sent to a port where nothing listens
 * is answered by "port unreachable", and that answer belongs beside the datagram, back to its sender.
 */
public final class IcmpQuote {
    /** How far back an error's datagram is looked for: an error follows its datagram within milliseconds. */
    static final int LOOKBACK = 256;
    private static final int PROTOCOL_TCP = 6;
    private static final int PROTOCOL_UDP = 17;

    /**
     * What an error quotes of its datagram: the transport (a {@link PacketTable} constant), its ports, its
     * addresses and, for IPv4, its identification (-1 for IPv6).
     */
    record Quote(int transport, int sourcePort, int destinationPort, boolean v6, byte[] source, byte[] destination,
            int identification) {

        /** Whether frame {@code j} carried the quoted datagram. */
        boolean carriedBy(FrameStore frames, PacketTable table, int j) {
            if (table.transport(j) != transport || table.sourcePort(j) != sourcePort
                    || table.destinationPort(j) != destinationPort
                    || table.network(j) != (v6 ? PacketTable.NETWORK_IPV6 : PacketTable.NETWORK_IPV4)) {
                return false;
            }
            byte[] b = frames.buffer(j);
            int ip = frames.offset(j) + table.networkOffset(j);
            if (v6) {
                return Arrays.equals(b, ip + Ipv6.SOURCE, ip + Ipv6.SOURCE + Ipv6.ADDRESS_LENGTH, source, 0, 16)
                        && Arrays.equals(b, ip + Ipv6.DESTINATION, ip + Ipv6.DESTINATION + Ipv6.ADDRESS_LENGTH,
                                destination, 0, 16);
            }
            return ((b[ip + Ipv4.IDENTIFICATION] & 0xff) << 8 | (b[ip + Ipv4.IDENTIFICATION + 1] & 0xff))
                    == identification
                    && Arrays.equals(b, ip + Ipv4.SOURCE, ip + Ipv4.SOURCE + Ipv4.ADDRESS_LENGTH, source, 0, 4)
                    && Arrays.equals(b, ip + Ipv4.DESTINATION, ip + Ipv4.DESTINATION + Ipv4.ADDRESS_LENGTH,
                            destination, 0, 4);
        }
    }

    private IcmpQuote() {
    }

    /** The 0-based index of the frame whose datagram the ICMP error of frame {@code i} quotes, or -1. */
    public static int quotedFrame(FrameStore frames, PacketTable table, int i) {
        Quote quote = quote(frames, table, i);
        return quote == null ? -1 : latestCarrier(quote, frames, table, i);
    }

    /**
     * The TCP ({@code tcp}) or UDP stream of the datagram the ICMP error of frame {@code i} quotes, or
     * {@link ConversationIndex#NONE}. In a part of a file, the datagram may lie in an earlier part: the
     * analysis keeps the last frames of the parts before ({@link RecentDatagrams}) for that.
     */
    public static int quotedStream(CaptureAnalysis analysis, int i, boolean tcp) {
        Quote quote = quote(analysis.frames(), analysis.packets(), i);
        if (quote == null || (quote.transport() == PacketTable.TRANSPORT_TCP) != tcp) {
            return ConversationIndex.NONE;
        }
        int quoted = latestCarrier(quote, analysis.frames(), analysis.packets(), i);
        if (quoted >= 0) {
            ConversationIndex conversations = analysis.conversations();
            return tcp ? conversations.tcpStream(quoted) : conversations.udpStream(quoted);
        }
        RecentDatagrams earlier = analysis.earlierDatagrams();
        return earlier == null || i >= LOOKBACK ? ConversationIndex.NONE : earlier.stream(quote, LOOKBACK - i);
    }

    /**
     * How many frames before frame {@code i} of {@code analysis} (a whole file or a part of it) the datagram its
     * ICMP error quotes was, or -1: in a part, the datagram may lie in an earlier part ({@link RecentDatagrams}).
     */
    public static int quotedDistance(CaptureAnalysis analysis, int i) {
        Quote quote = quote(analysis.frames(), analysis.packets(), i);
        if (quote == null) {
            return -1;
        }
        int quoted = latestCarrier(quote, analysis.frames(), analysis.packets(), i);
        if (quoted >= 0) {
            return i - quoted;
        }
        RecentDatagrams earlier = analysis.earlierDatagrams();
        int k = earlier == null || i >= LOOKBACK ? -1 : earlier.latest(quote, LOOKBACK - i);
        return k < 0 ? -1 : i + earlier.size() - k;
    }

    private static int latestCarrier(Quote quote, FrameStore frames, PacketTable table, int i) {
        for (int j = i - 1; j >= Math.max(0, i - LOOKBACK); j--) {
            if (quote.carriedBy(frames, table, j)) {
                return j;
            }
        }
        return -1;
    }

    /** What the ICMP error of frame {@code i} quotes, or null when it is no error quoting TCP or UDP. */
    static Quote quote(FrameStore frames, PacketTable table, int i) {
        int transport = table.transport(i);
        boolean v6 = transport == PacketTable.TRANSPORT_ICMPV6;
        if (transport != PacketTable.TRANSPORT_ICMP && !v6) {
            return null;
        }
        byte[] b = frames.buffer(i);
        int icmp = frames.offset(i) + table.transportOffset(i);
        int end = frames.offset(i) + frames.capturedLength(i);
        if (end - icmp < Icmp.HEADER_LENGTH) {
            return null;
        }
        int type = Icmp.type(b, icmp);
        if (v6 ? !Icmpv6.isError(type) : !Icmp.isError(type)) {
            return null;
        }
        int inner = icmp + Icmp.HEADER_LENGTH;
        int protocol;
        int ports;
        byte[] source;
        byte[] destination;
        int identification = -1;
        if (v6) {
            if (end - inner < Ipv6.HEADER_LENGTH + 4) {
                return null;
            }
            protocol = b[inner + Ipv6.NEXT_HEADER] & 0xff;
            source = Arrays.copyOfRange(b, inner + Ipv6.SOURCE, inner + Ipv6.SOURCE + Ipv6.ADDRESS_LENGTH);
            destination = Arrays.copyOfRange(b, inner + Ipv6.DESTINATION, inner + Ipv6.DESTINATION + Ipv6.ADDRESS_LENGTH);
            ports = inner + Ipv6.HEADER_LENGTH;
        } else {
            int headerLength = (b[inner] & 0x0f) * 4;
            if (headerLength < Ipv4.MIN_HEADER_LENGTH || end - inner < headerLength + 4) {
                return null;
            }
            protocol = b[inner + Ipv4.PROTOCOL] & 0xff;
            identification = (b[inner + Ipv4.IDENTIFICATION] & 0xff) << 8 | (b[inner + Ipv4.IDENTIFICATION + 1] & 0xff);
            source = Arrays.copyOfRange(b, inner + Ipv4.SOURCE, inner + Ipv4.SOURCE + Ipv4.ADDRESS_LENGTH);
            destination = Arrays.copyOfRange(b, inner + Ipv4.DESTINATION, inner + Ipv4.DESTINATION + Ipv4.ADDRESS_LENGTH);
            ports = inner + headerLength;
        }
        int expected = protocol == PROTOCOL_UDP ? PacketTable.TRANSPORT_UDP
                : protocol == PROTOCOL_TCP ? PacketTable.TRANSPORT_TCP : -1;
        if (expected < 0) {
            return null;
        }
        int sourcePort = (b[ports] & 0xff) << 8 | (b[ports + 1] & 0xff);
        int destinationPort = (b[ports + 2] & 0xff) << 8 | (b[ports + 3] & 0xff);
        return new Quote(expected, sourcePort, destinationPort, v6, source, destination, identification);
    }
}

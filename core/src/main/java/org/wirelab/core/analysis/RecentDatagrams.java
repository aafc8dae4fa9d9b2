package org.wirelab.core.analysis;

import java.util.Arrays;
import org.wirelab.core.frame.FrameStore;
import org.wirelab.core.protocol.ipv4.Ipv4;
import org.wirelab.core.protocol.ipv6.Ipv6;
import org.wirelab.core.summary.PacketTable;

/**
 * The last TCP and UDP datagrams of the parts of a file read so far, as much of each as an ICMP error
 * quotes (addresses, IPv4 identification, ports) and its stream: an error at the start of a part may
 * answer a datagram of the part before ({@link IcmpQuote#quotedStream}), which is no longer in memory.
 * Only the last {@link IcmpQuote#LOOKBACK} frames are kept, the window in which the error's datagram is
 * looked for in a whole file.
 */
final class RecentDatagrams {
    private final int[] network;
    private final int[] transport;
    private final int[] sourcePort;
    private final int[] destinationPort;
    private final int[] identification;
    private final byte[][] source;
    private final byte[][] destination;
    private final int[] stream;

    private RecentDatagrams(int size) {
        network = new int[size];
        transport = new int[size];
        sourcePort = new int[size];
        destinationPort = new int[size];
        identification = new int[size];
        source = new byte[size][];
        destination = new byte[size][];
        stream = new int[size];
    }

    /** The last frames of {@code earlier} (null for none) followed by those of a part, oldest first. */
    static RecentDatagrams after(RecentDatagrams earlier, FrameStore frames, PacketTable table,
            ConversationIndex conversations) {
        int fromPart = Math.min(IcmpQuote.LOOKBACK, table.size());
        int fromEarlier = earlier == null ? 0 : Math.min(IcmpQuote.LOOKBACK - fromPart, earlier.size());
        RecentDatagrams recent = new RecentDatagrams(fromEarlier + fromPart);
        for (int k = 0; k < fromEarlier; k++) {
            recent.copy(k, earlier, earlier.size() - fromEarlier + k);
        }
        for (int k = 0; k < fromPart; k++) {
            recent.read(fromEarlier + k, frames, table, conversations, table.size() - fromPart + k);
        }
        return recent;
    }

    int size() {
        return stream.length;
    }

    /**
     * The stream of the latest datagram among the last {@code limit} that {@code quote} quotes, or
     * {@link ConversationIndex#NONE}.
     */
    int stream(IcmpQuote.Quote quote, int limit) {
        int k = latest(quote, limit);
        return k < 0 ? ConversationIndex.NONE : stream[k];
    }

    /** The position (oldest first) of the latest datagram among the last {@code limit} that {@code quote} quotes, or -1. */
    int latest(IcmpQuote.Quote quote, int limit) {
        for (int k = size() - 1; k >= Math.max(0, size() - limit); k--) {
            if (transport[k] == quote.transport() && sourcePort[k] == quote.sourcePort()
                    && destinationPort[k] == quote.destinationPort()
                    && network[k] == (quote.v6() ? PacketTable.NETWORK_IPV6 : PacketTable.NETWORK_IPV4)
                    && identification[k] == quote.identification()
                    && Arrays.equals(source[k], quote.source()) && Arrays.equals(destination[k], quote.destination())) {
                return k;
            }
        }
        return -1;
    }

    private void copy(int k, RecentDatagrams from, int j) {
        network[k] = from.network[j];
        transport[k] = from.transport[j];
        sourcePort[k] = from.sourcePort[j];
        destinationPort[k] = from.destinationPort[j];
        identification[k] = from.identification[j];
        source[k] = from.source[j];
        destination[k] = from.destination[j];
        stream[k] = from.stream[j];
    }

    private void read(int k, FrameStore frames, PacketTable table, ConversationIndex conversations, int j) {
        network[k] = table.network(j);
        transport[k] = table.transport(j);
        sourcePort[k] = table.sourcePort(j);
        destinationPort[k] = table.destinationPort(j);
        identification[k] = -1;
        stream[k] = transport[k] == PacketTable.TRANSPORT_TCP ? conversations.tcpStream(j)
                : transport[k] == PacketTable.TRANSPORT_UDP ? conversations.udpStream(j) : ConversationIndex.NONE;
        byte[] b = frames.buffer(j);
        int ip = frames.offset(j) + table.networkOffset(j);
        if (network[k] == PacketTable.NETWORK_IPV6) {
            source[k] = Arrays.copyOfRange(b, ip + Ipv6.SOURCE, ip + Ipv6.SOURCE + Ipv6.ADDRESS_LENGTH);
            destination[k] = Arrays.copyOfRange(b, ip + Ipv6.DESTINATION, ip + Ipv6.DESTINATION + Ipv6.ADDRESS_LENGTH);
        } else if (network[k] == PacketTable.NETWORK_IPV4) {
            identification[k] = (b[ip + Ipv4.IDENTIFICATION] & 0xff) << 8 | (b[ip + Ipv4.IDENTIFICATION + 1] & 0xff);
            source[k] = Arrays.copyOfRange(b, ip + Ipv4.SOURCE, ip + Ipv4.SOURCE + Ipv4.ADDRESS_LENGTH);
            destination[k] = Arrays.copyOfRange(b, ip + Ipv4.DESTINATION, ip + Ipv4.DESTINATION + Ipv4.ADDRESS_LENGTH);
        }
    }
}

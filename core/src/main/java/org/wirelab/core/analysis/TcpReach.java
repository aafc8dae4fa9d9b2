package org.wirelab.core.analysis;

import org.wirelab.core.frame.FrameStore;
import org.wirelab.core.protocol.tcp.Tcp;
import org.wirelab.core.summary.PacketTable;

/**
 * How far Wireshark 4.0's TCP dissector gets on one frame, which decides which fields and which
 * analysis steps exist for it. tshark reads the header in stages: the ports, then the fixed fields up
 * to the window (16 bytes, enough to find the conversation), gives up after the header length when it
 * is below 20 bytes, and dissects the options, prints the sequence analysis and checks the window
 * scaling only when the whole header was captured (an option running past the captured bytes throws).
 */
public final class TcpReach {
    private TcpReach() {
    }

    /** A TCP segment whose header starts in this frame (IP fragments are left to reassembly). */
    public static boolean isTcp(PacketTable table, int i) {
        return table.transport(i) == PacketTable.TRANSPORT_TCP && !table.hasStatus(i, PacketTable.STATUS_IP_FRAGMENT);
    }

    /** Bytes of the TCP header and payload captured in this frame. */
    public static int capturedTcpBytes(FrameStore frames, PacketTable table, int i) {
        return frames.capturedLength(i) - table.transportOffset(i);
    }

    /** tcp.srcport and tcp.dstport exist. */
    public static boolean hasPorts(FrameStore frames, PacketTable table, int i) {
        return isTcp(table, i) && capturedTcpBytes(frames, table, i) >= 4;
    }

    /**
     * Sequence, acknowledgement, flags and window were read: the frame joins a conversation
     * (tcp.stream), and tcp.seq, tcp.seq_raw and tcp.hdr_len exist. tshark needs the first 16 bytes for
     * this, not the checksum and urgent pointer after them: a header cut by the snap length between 16
     * and 20 bytes still has its stream, or every later stream number would be one off.
     */
    public static boolean hasFixedFields(FrameStore frames, PacketTable table, int i) {
        return isTcp(table, i) && capturedTcpBytes(frames, table, i) >= Tcp.FIXED_FIELDS_LENGTH;
    }

    /**
     * The segment length is known (tcp.len, relative numbers, sequence analysis): the IP length covers
     * the TCP header. tshark computes it from the IP length, not from the captured bytes.
     */
    public static boolean hasSegmentLength(FrameStore frames, PacketTable table, int i) {
        return hasFixedFields(frames, table, i) && !table.hasStatus(i, PacketTable.STATUS_MALFORMED);
    }

    /**
     * The header length is at least 20 bytes, so tshark goes on past it: tcp.ack, tcp.flags, the windows
     * and tcp.nxtseq exist. A bogus length makes it stop right after tcp.hdr_len.
     */
    public static boolean hasValidHeaderLength(FrameStore frames, PacketTable table, int i) {
        return hasFixedFields(frames, table, i) && table.tcpHeaderLength(i) >= 20;
    }

    /**
     * The 20 fixed bytes were captured, checksum and urgent pointer included, and the header length is
     * valid: tshark reaches the end of its dissection and prints the conversation's timestamps.
     */
    public static boolean hasFixedHeader(FrameStore frames, PacketTable table, int i) {
        return hasValidHeaderLength(frames, table, i) && capturedTcpBytes(frames, table, i) >= Tcp.MIN_HEADER_LENGTH;
    }

    /** The whole header, options included, was captured: options, printed analysis, window-scale check. */
    public static boolean hasWholeHeader(FrameStore frames, PacketTable table, int i) {
        return hasValidHeaderLength(frames, table, i) && table.hasStatus(i, PacketTable.STATUS_TCP_HEADER_COMPLETE);
    }
}

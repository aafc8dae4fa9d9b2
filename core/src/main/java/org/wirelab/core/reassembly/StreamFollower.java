package org.wirelab.core.reassembly;

import org.wirelab.core.frame.FrameStore;
import org.wirelab.core.summary.PacketTable;

/**
 * Follows one TCP stream or UDP flow of a decoded capture: picks its frames, reads their payloads in
 * place and hands them to {@link TcpStreamReassembler} or {@link UdpFlowCollector}.
 */
public final class StreamFollower {
    private static final int UDP_HEADER_LENGTH = 8;

    /** Which conversation a frame belongs to: its direction (0 or 1) in {@code stream}, or -1 if not in it. */
    @FunctionalInterface
    public interface Membership {
        int direction(int frameIndex, int stream);
    }

    private StreamFollower() {
    }

    /**
     * The reassembled TCP {@code stream}. Frames whose TCP header (options included) was not entirely
     * captured are skipped, as tshark's follow tap never sees them.
     */
    public static ReassembledStream tcp(FrameStore frames, PacketTable table, int stream, Membership membership) {
        TcpStreamReassembler reassembler = new TcpStreamReassembler();
        tcp(reassembler, frames, table, stream, membership, 0);
        return reassembler.result();
    }

    /**
     * Feeds TCP {@code stream}'s segments among {@code frames} to {@code reassembler}: one segment of a
     * capture read in parts, whose frame 0 is the capture's frame {@code firstIndex + 1}.
     */
    public static void tcp(TcpStreamReassembler reassembler, FrameStore frames, PacketTable table, int stream,
            Membership membership, int firstIndex) {
        for (int i = 0; i < table.size(); i++) {
            if (table.transport(i) != PacketTable.TRANSPORT_TCP
                    || !table.hasStatus(i, PacketTable.STATUS_TCP_HEADER_COMPLETE)) {
                continue;
            }
            int direction = membership.direction(i, stream);
            if (direction < 0) {
                continue;
            }
            int payloadStart = table.transportOffset(i) + table.tcpHeaderLength(i);
            int captured = Math.min(table.payloadLength(i), frames.capturedLength(i) - payloadStart);
            reassembler.segment(firstIndex + i + 1, direction, table.tcpFlags(i), table.sequence(i), table.acknowledgement(i),
                    table.payloadLength(i), frames.buffer(i), frames.offset(i) + payloadStart, Math.max(0, captured));
        }
    }

    /** The datagrams of UDP {@code stream}, payloads as far as captured. */
    public static ReassembledStream udp(FrameStore frames, PacketTable table, int stream, Membership membership) {
        UdpFlowCollector collector = new UdpFlowCollector();
        udp(collector, frames, table, stream, membership, 0);
        return collector.result();
    }

    /** Feeds UDP {@code stream}'s datagrams among {@code frames} to {@code collector}, as {@link #tcp} feeds a stream. */
    public static void udp(UdpFlowCollector collector, FrameStore frames, PacketTable table, int stream,
            Membership membership, int firstIndex) {
        for (int i = 0; i < table.size(); i++) {
            if (table.transport(i) != PacketTable.TRANSPORT_UDP) {
                continue;
            }
            int direction = membership.direction(i, stream);
            if (direction < 0) {
                continue;
            }
            int payloadStart = table.transportOffset(i) + UDP_HEADER_LENGTH;
            int captured = Math.min(table.payloadLength(i), frames.capturedLength(i) - payloadStart);
            collector.datagram(firstIndex + i + 1, direction, frames.buffer(i), frames.offset(i) + payloadStart,
                    Math.max(0, captured));
        }
    }
}
